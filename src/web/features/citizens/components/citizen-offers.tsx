import { useState, type FormEvent } from 'react';
import { offerTypes } from '../../../../domain/offer-types.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { citizensApi } from '../api-client.ts';
import { formatDate } from '../../../app/formats.ts';
import { DataTable } from '../../../components/data-table.tsx';

/** Active offers (tilbud, LAB kap. 10–12): what came before and after a mentor period. */
export function CitizenOffers({ citizenId, canWrite }: { citizenId: number; canWrite: boolean }) {
  const { t, e } = useI18n();
  const { data, error, reload } = useLoad(() => citizensApi.offers(citizenId), [citizenId]);
  const [type, setType] = useState('virksomhedspraktik');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaveError(null);
    try {
      await citizensApi.addOffer(citizenId, { type, startDate: start, endDate: end || null });
      setStart('');
      setEnd('');
      reload();
    } catch (err) {
      setSaveError(err);
    }
  }
  return (
    <>
      <h2>{t('offers')}</h2>
      <ErrorMessage error={error} />
      {data && data.offers.length > 0 ? (
        <DataTable caption={t('offers')} columns={[t('offer'), t('from'), t('to')]}>
          {data.offers.map((o) => (
            <tr key={o.id}>
              <td>{e(o.type)}</td>
              <td>{formatDate(o.startDate)}</td>
              <td>{formatDate(o.endDate)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('offersNone')}</p>
      )}
      {canWrite ? (
        <details className="card">
          <summary>{t('offerRecord')}</summary>
          <form onSubmit={submit} className="grid-form">
            <Field id="offer-type" label={t('offer')}>
              <select id="offer-type" value={type} onChange={(ev) => setType(ev.target.value)}>
                {offerTypes.map((k) => (
                  <option key={k} value={k}>
                    {e(k)}
                  </option>
                ))}
              </select>
            </Field>
            <TextField id="offer-start" label={t('from')} type="date" value={start} onChange={setStart} required />
            <TextField id="offer-end" label={t('to')} type="date" value={end} onChange={setEnd} />
            <ErrorMessage error={saveError} />
            <button type="submit" className="primary">
              {t('save')}
            </button>
          </form>
        </details>
      ) : null}
    </>
  );
}
