import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { authApi } from '../api-client.ts';

/** After a one-time password the user chooses their own before anything else (issue 11). */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await authApi.changePassword({ currentPassword: current, newPassword: next });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card narrow">
      <h1>{t('changePasswordHeading')}</h1>
      <p>{t('changePasswordExplained')}</p>
      <form onSubmit={submit}>
        {(
          [
            ['current-password', 'currentPassword', 'current-password', current, setCurrent],
            ['new-password', 'newPassword', 'new-password', next, setNext],
            ['repeat-password', 'repeatPassword', 'new-password', repeat, setRepeat],
          ] as const
        ).map(([id, label, autoComplete, value, onChange]) => (
          <TextField
            key={id}
            id={id}
            label={t(label)}
            type="password"
            autoComplete={autoComplete}
            value={value}
            onChange={onChange}
            required
          />
        ))}
        {mismatch ? (
          <p className="alert alert-error" role="alert">
            {t('passwordsDiffer')}
          </p>
        ) : null}
        <FormSubmit error={error} label={t('changePasswordButton')} disabled={busy} />
      </form>
    </section>
  );
}
