import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { useRoute } from '../../../app/router.ts';
import { authApi } from '../api-client.ts';

/**
 * Log in: with single sign-on configured, the municipality's identity provider first and a password form
 * for admins (break-glass); otherwise the password form. A refusal from the provider arrives as
 * `#/?loginError=REASON` and is shown in words.
 */
export function LoginPage() {
  const { t, reason } = useI18n();
  const route = useRoute();
  const { data: options } = useLoad(() => authApi.config(), []);
  const refusal = reason(route.query.get('loginError'));
  const { logIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await logIn(username, password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const sso = options?.singleSignOn === true;
  return (
    <section className="card narrow">
      <h1>{t('login')}</h1>
      {refusal ? (
        <p className="alert alert-error" role="alert">
          {refusal}
        </p>
      ) : null}
      {sso ? (
        <p>
          <a className="button primary" href="/api/auth/oidc/login">
            {t('loginWithOrganisation')}
          </a>
        </p>
      ) : null}
      {sso ? <h2>{t('loginLocalHeading')}</h2> : null}
      <form onSubmit={submit}>
        <TextField
          id="username"
          label={t('username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={setUsername}
          required
        />
        <TextField
          id="password"
          label={t('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
        <ErrorMessage error={error} />
        <button type="submit" className={sso ? undefined : 'primary'} disabled={busy}>
          {t('login')}
        </button>
      </form>
    </section>
  );
}
