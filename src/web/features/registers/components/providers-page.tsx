import { useState } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { providerTypes, registersApi } from '../api-client.ts';
import { formatNumber } from '../../../app/formats.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useSubmit } from '../../../components/use-submit.ts';

export function ProvidersPage() {
  const { t, e } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useLoad(() => registersApi.providers(), []);
  const [name, setName] = useState('');
  const [type, setType] = useState('external');
  const [rate, setRate] = useState('');
  const { submit, error: saveError } = useSubmit(async () => {
    await registersApi.createProvider({ name, type, hourlyRate: rate === '' ? null : Number(rate) });
    setName('');
    setRate('');
    reload();
  });
  return (
    <section>
      <h1>{t('providers')}</h1>
      <ErrorMessage error={error} />
      <DataTable caption={t('providers')} columns={[t('name'), t('type'), t('hourlyRate')]}>
        {(data?.providers ?? []).map((p) => (
          <tr key={p.id}>
            <td>{p.name}</td>
            <td>{e(p.type)}</td>
            <td className="num">{formatNumber(p.hourlyRate, { decimals: 2 })}</td>
          </tr>
        ))}
      </DataTable>
      {user && ['coordinator', 'admin'].includes(user.role) ? (
        <details className="card">
          <summary>{t('createProvider')}</summary>
          <form onSubmit={submit}>
            <Field id="p-name" label={t('name')}>
              <input id="p-name" value={name} onChange={(ev) => setName(ev.target.value)} required />
            </Field>
            <SelectField id="p-type" label={t('type')} value={type} onChange={setType} options={providerTypes} />
            <Field id="p-rate" label={t('hourlyRate')}>
              <input id="p-rate" type="number" min="0" step="1" value={rate} onChange={(ev) => setRate(ev.target.value)} />
            </Field>
            <FormSubmit error={saveError} />
          </form>
        </details>
      ) : null}
    </section>
  );
}
