import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { navigate } from '../../../app/router.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { citizensApi, type Citizen } from '../api-client.ts';
import { formatDate } from '../../../../domain/danish-format.ts';

export function CitizensPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Citizen[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setResults((await citizensApi.search(q)).citizens);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section>
      <h1>{t('citizens')}</h1>
      <form role="search" onSubmit={search} className="inline-form">
        <Field id="citizen-search" label={t('searchCitizen')}>
          <input id="citizen-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {results !== null ? (
        results.length === 0 ? (
          <p>{t('noResults')}</p>
        ) : (
          <table>
            <caption className="sr-only">{t('citizens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('cpr')}</th>
                <th scope="col">{t('birthDate')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`#/citizens/${c.id}`}>{c.name}</a>
                  </td>
                  <td>{c.cprMasked}</td>
                  <td>{formatDate(c.birthDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {user?.role === 'caseworker' ? <CreateCitizen /> : null}
    </section>
  );
}

function CreateCitizen() {
  const { t, e } = useI18n();
  const [cpr, setCpr] = useState('');
  const [name, setName] = useState('');
  const [gender, setGender] = useState('');
  const [origin, setOrigin] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const citizen = await citizensApi.create({ cpr, name, gender: gender || null, origin: origin || null });
      navigate(`/citizens/${citizen.id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details className="card">
      <summary>{t('createCitizen')}</summary>
      <form onSubmit={submit}>
        <Field id="new-cpr" label={t('cpr')} hint="DDMMÅÅ-XXXX">
          <input
            id="new-cpr"
            value={cpr}
            onChange={(ev) => setCpr(ev.target.value)}
            required
            aria-describedby="new-cpr-hint"
            inputMode="numeric"
          />
        </Field>
        <Field id="new-name" label={t('name')}>
          <input id="new-name" value={name} onChange={(ev) => setName(ev.target.value)} required />
        </Field>
        <Field id="new-gender" label={t('gender')}>
          <select id="new-gender" value={gender} onChange={(ev) => setGender(ev.target.value)}>
            <option value="">–</option>
            {['female', 'male', 'other'].map((g) => (
              <option key={g} value={g}>
                {e(g)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-origin" label={t('origin')}>
          <select id="new-origin" value={origin} onChange={(ev) => setOrigin(ev.target.value)}>
            <option value="">–</option>
            {['danish', 'western', 'non_western'].map((o) => (
              <option key={o} value={o}>
                {e(o)}
              </option>
            ))}
          </select>
        </Field>
        <ErrorMessage error={error} />
        <button type="submit" className="primary">
          {t('save')}
        </button>
      </form>
    </details>
  );
}
