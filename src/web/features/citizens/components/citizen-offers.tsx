import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { citizensApi } from '../api-client.ts';
import { formatDate } from '../../../app/formats.ts';
import { DataTable } from '../../../components/data-table.tsx';

const offerTypes: Record<string, string> = {
  vejledning_opkvalificering: 'Vejledning og opkvalificering',
  virksomhedspraktik: 'Virksomhedspraktik',
  nytteindsats: 'Nytteindsats',
  loentilskud: 'Ansættelse med løntilskud',
  jobrettet_uddannelse_6_uger: '6 ugers jobrettet uddannelse',
};

/** Active offers (tilbud, LAB kap. 10–12): what came before and after a mentor period. */
export function CitizenOffers({ citizenId, canWrite }: { citizenId: number; canWrite: boolean }) {
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
      <h2>Tilbud</h2>
      <ErrorMessage error={error} />
      {data && data.offers.length > 0 ? (
        <DataTable caption="Tilbud" columns={['Tilbud', 'Fra', 'Til']}>
          {data.offers.map((o) => (
            <tr key={o.id}>
              <td>{offerTypes[o.type] ?? o.type}</td>
              <td>{formatDate(o.startDate)}</td>
              <td>{formatDate(o.endDate)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>Ingen tilbud registreret.</p>
      )}
      {canWrite ? (
        <details className="card">
          <summary>Registrér tilbud</summary>
          <form onSubmit={submit} className="grid-form">
            <Field id="offer-type" label="Tilbud">
              <select id="offer-type" value={type} onChange={(ev) => setType(ev.target.value)}>
                {Object.entries(offerTypes).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="offer-start" label="Fra">
              <input id="offer-start" type="date" value={start} onChange={(ev) => setStart(ev.target.value)} required />
            </Field>
            <Field id="offer-end" label="Til">
              <input id="offer-end" type="date" value={end} onChange={(ev) => setEnd(ev.target.value)} />
            </Field>
            <ErrorMessage error={saveError} />
            <button type="submit" className="primary">
              Gem
            </button>
          </form>
        </details>
      ) : null}
    </>
  );
}
