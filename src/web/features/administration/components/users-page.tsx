import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/http.ts';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { registersApi } from '../../registers/api-client.ts';
import { administrationApi, type UserRole, type UserView } from '../api-client.ts';
import { SelectField } from '../../../components/select-field.tsx';

const roles: UserRole[] = ['caseworker', 'mentor', 'coordinator', 'manager', 'admin'];

/** The reason of a refused change in the user's language (the server's `details.reason`). */
function ReasonMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const reason = error instanceof ApiError ? error.details.reason : null;
  if (typeof reason !== 'string') return <ErrorMessage error={error} />;
  const text = t(`userReason${reason}` as TextKey) as string | undefined;
  return text === undefined ? (
    <ErrorMessage error={error} />
  ) : (
    <div className="alert alert-error" role="alert">
      <p>{text}</p>
    </div>
  );
}

/** Issue 11: the admin creates and maintains the municipality's users; a one-time password is shown once. */
export function UsersPage() {
  const { t, e } = useI18n();
  const [version, setVersion] = useState(0);
  const users = useLoad(() => administrationApi.users(), [version]);
  const mentors = useLoad(() => registersApi.mentors(), []);
  const [form, setForm] = useState({ username: '', name: '', role: 'caseworker' as UserRole, password: '', mentorId: '' });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSecret(null);
    try {
      const created = await administrationApi.createUser({
        username: form.username,
        name: form.name,
        role: form.role,
        password: form.password === '' ? null : form.password,
        mentorId: form.role === 'mentor' && form.mentorId !== '' ? Number(form.mentorId) : null,
      });
      if (created.oneTimePassword) setSecret({ username: created.username, password: created.oneTimePassword });
      setForm({ username: '', name: '', role: 'caseworker', password: '', mentorId: '' });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  async function change(user: UserView, action: 'toggle' | 'reset') {
    setError(null);
    setSecret(null);
    try {
      if (action === 'reset')
        setSecret({ username: user.username, password: (await administrationApi.resetPassword(user.id)).oneTimePassword });
      else await administrationApi.updateUser(user.id, { active: !user.active });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t('users')}</h1>
      {secret ? (
        <div className="alert" role="status">
          <p>
            {t('oneTimePasswordFor')} <strong>{secret.username}</strong>: <code data-testid="one-time-password">{secret.password}</code>
          </p>
          <p>{t('oneTimePasswordHint')}</p>
        </div>
      ) : null}
      <ReasonMessage error={error} />
      <ErrorMessage error={users.error} />
      <table>
        <caption className="sr-only">{t('users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('username')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('userRole')}</th>
            <th scope="col">{t('mentor')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">
              <span className="sr-only">{t('users')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((user) => (
            <tr key={user.id}>
              <td>{user.username}</td>
              <td>{user.name}</td>
              <td>{e(user.role)}</td>
              <td>{user.mentorId === null ? '–' : (mentors.data?.mentors.find((m) => m.id === user.mentorId)?.name ?? user.mentorId)}</td>
              <td>{user.active ? t('userActive') : t('userInactive')}</td>
              <td>
                <button type="button" onClick={() => void change(user, 'toggle')}>
                  {user.active ? t('deactivate') : t('activate')}
                  <span className="sr-only"> {user.username}</span>
                </button>{' '}
                <button type="button" onClick={() => void change(user, 'reset')}>
                  {t('resetPassword')}
                  <span className="sr-only"> {user.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('createUser')}</h2>
      <form onSubmit={(ev) => void submit(ev)}>
        <Field id="user-username" label={t('username')}>
          <input
            id="user-username"
            required
            autoComplete="off"
            value={form.username}
            onChange={(ev) => setForm({ ...form, username: ev.target.value })}
          />
        </Field>
        <Field id="user-name" label={t('name')}>
          <input id="user-name" required value={form.name} onChange={(ev) => setForm({ ...form, name: ev.target.value })} />
        </Field>
        <SelectField
          id="user-role"
          label={t('userRole')}
          value={form.role}
          onChange={(v) => setForm({ ...form, role: v as UserRole })}
          options={roles}
        />
        {form.role === 'mentor' ? (
          <Field id="user-mentor" label={t('mentorRecord')}>
            <select id="user-mentor" value={form.mentorId} onChange={(ev) => setForm({ ...form, mentorId: ev.target.value })}>
              <option value="">{t('noMentor')}</option>
              {(mentors.data?.mentors ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id="user-password" label={t('newPasswordOptional')}>
          <input
            id="user-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(ev) => setForm({ ...form, password: ev.target.value })}
          />
        </Field>
        <button type="submit" className="primary" disabled={saving}>
          {t('createUser')}
        </button>
      </form>
    </section>
  );
}
