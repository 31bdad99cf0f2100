import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { navigate } from '../../../app/router.ts';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { administrationApi } from '../api-client.ts';

/** R-PRV-2: every access to one citizen's data (or the latest accesses), for access requests and spot checks. */
export function AuditPage({ citizenId }: { citizenId: string | null }) {
  const { t, e } = useI18n();
  const [id, setId] = useState(citizenId ?? '');
  const { data, error } = useLoad(() => administrationApi.audit(citizenId), [citizenId]);
  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(id ? `/audit?citizenId=${encodeURIComponent(id)}` : '/audit');
  }
  return (
    <section>
      <h1>{t('auditLog')}</h1>
      <form onSubmit={submit} className="inline-form">
        <Field id="audit-citizen" label={t('citizenId')}>
          <input id="audit-citizen" inputMode="numeric" value={id} onChange={(ev) => setId(ev.target.value)} />
        </Field>
        <button type="submit" className="primary">
          {t('showAccesses')}
        </button>
      </form>
      <ErrorMessage error={error} />
      <table>
        <caption className="sr-only">{t('auditLog')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('user')}</th>
            <th scope="col">{t('action')}</th>
            <th scope="col">{t('citizenId')}</th>
            <th scope="col">{t('criterion')}</th>
            <th scope="col">{t('purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.entries ?? []).map((x) => (
            <tr key={x.id}>
              <td>{new Date(x.at).toLocaleString('da-DK')}</td>
              <td>{x.username}</td>
              <td>
                {e(x.action)} ({x.entity})
              </td>
              <td>{x.citizenId ?? '–'}</td>
              <td>{x.criterion ?? '–'}</td>
              <td>{x.purpose ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
