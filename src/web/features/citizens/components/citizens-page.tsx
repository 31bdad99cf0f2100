import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { navigate } from '../../../app/router.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { formatDate, formatNumber } from '../../../app/formats.ts';
import { citizensApi, genders, origins, type CitizenListQuery, type CitizenSort } from '../api-client.ts';
import { SelectField } from '../../../components/select-field.tsx';
import { useSubmit } from '../../../components/use-submit.ts';
import { CheckboxField } from '../../../components/checkbox-field.tsx';

const pageSize = 25;
const sorts: CitizenSort[] = ['name', 'birthDate', 'latestGrant'];

/** The list's state lives in the address (#/citizens?q=…&page=2&sort=…), so "back" returns to the same page. */
function listQueryOf(query: URLSearchParams): CitizenListQuery {
  const sort = query.get('sort');
  const page = Number(query.get('page'));
  return {
    q: query.get('q') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort: sorts.includes(sort as CitizenSort) ? (sort as CitizenSort) : 'name',
    direction: query.get('direction') === 'desc' ? 'desc' : 'asc',
    mine: query.get('mine') === '1',
  };
}

function addressOf(q: CitizenListQuery): string {
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.page > 1) params.set('page', String(q.page));
  if (q.sort !== 'name') params.set('sort', q.sort);
  if (q.direction === 'desc') params.set('direction', 'desc');
  if (q.mine) params.set('mine', '1');
  const text = params.toString();
  return text ? `/citizens?${text}` : '/citizens';
}

/** The citizen list (issue 14): search by name or CPR, sort, page on the server with the total; "mine sager". */
export function CitizensPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  // A CPR number is never put in the address (it would stay in the browser's history): it is kept here.
  const [cprSearch, setCprSearch] = useState<string | null>(null);
  const fromAddress = listQueryOf(query);
  const current = cprSearch === null ? fromAddress : { ...fromAddress, q: cprSearch };
  const [q, setQ] = useState(current.q);
  const [mine, setMine] = useState(current.mine);
  const { data, error } = useLoad(() => citizensApi.list({ ...current, pageSize }), [addressOf(fromAddress), cprSearch]);
  const go = (next: Partial<CitizenListQuery>) => navigate(addressOf({ ...fromAddress, ...next }));
  function search(event: FormEvent) {
    event.preventDefault();
    const text = q.trim();
    const isCpr = /[0-9]{6}/.test(text.replace(/[\s-]/g, ''));
    setCprSearch(isCpr ? text : null);
    go({ q: isCpr ? '' : text, mine, page: 1 });
  }
  const sortLabel: Record<CitizenSort, string> = { name: t('name'), birthDate: t('birthDate'), latestGrant: t('citizensLatestGrant') };
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const header = (sort: CitizenSort) => {
    const active = current.sort === sort;
    const nextDirection = active && current.direction === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (current.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="link-button sort-button" onClick={() => go({ sort, direction: nextDirection, page: 1 })}>
          {sortLabel[sort]}
          {active ? <span aria-hidden="true">{current.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
        </button>
      </th>
    );
  };
  return (
    <section>
      <h1>{t('citizens')}</h1>
      <form role="search" onSubmit={search} className="inline-form">
        <Field id="citizen-search" label={t('searchCitizen')}>
          <input id="citizen-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        {user?.role === 'caseworker' ? (
          <CheckboxField
            className="field checkbox-field"
            id="citizen-mine"
            label={t('citizensMine')}
            hint={t('citizensMineHint')}
            checked={mine}
            onChange={setMine}
          />
        ) : null}
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>
      <p className="hint">{t('citizensCprMaskedNote')}</p>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <p role="status" className="list-total">
            {data.total === 0
              ? t('noResults')
              : `${t('citizensShowing')} ${formatCount((current.page - 1) * pageSize + 1)}–${formatCount(
                  (current.page - 1) * pageSize + data.citizens.length,
                )} ${t('citizensOf')} ${formatCount(data.total)} ${t('citizensCount')}, ${t('citizensSortedBy')} ${sortLabel[current.sort].toLowerCase()} (${
                  current.direction === 'asc' ? t('sortAscending') : t('sortDescending')
                })`}
          </p>
          {data.citizens.length > 0 ? (
            <table className="citizen-list">
              <caption className="sr-only">{t('citizens')}</caption>
              <thead>
                <tr>
                  {header('name')}
                  <th scope="col">{t('cpr')}</th>
                  {header('birthDate')}
                  {header('latestGrant')}
                </tr>
              </thead>
              <tbody>
                {data.citizens.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a href={`#/citizens/${c.id}`}>{c.name}</a>
                    </td>
                    <td className="nowrap">{c.cprMasked}</td>
                    <td className="nowrap">{formatDate(c.birthDate)}</td>
                    <td className="nowrap">{c.latestGrantStart ? formatDate(c.latestGrantStart) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {data.total > pageSize ? (
            <nav className="pager" aria-label={t('pageOf')}>
              <button type="button" disabled={current.page <= 1} onClick={() => go({ page: current.page - 1 })}>
                {t('previousPage')}
              </button>
              <span>
                {t('pageOf')} {formatCount(current.page)} {t('citizensOf')} {formatCount(pages)}
              </span>
              <button type="button" disabled={current.page >= pages} onClick={() => go({ page: current.page + 1 })}>
                {t('nextPage')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
      {user?.role === 'caseworker' ? <CreateCitizen /> : null}
    </section>
  );
}

const formatCount = (n: number) => formatNumber(n);

function CreateCitizen() {
  const { t } = useI18n();
  const [cpr, setCpr] = useState('');
  const [name, setName] = useState('');
  const [gender, setGender] = useState('');
  const [origin, setOrigin] = useState('');
  const { submit, error } = useSubmit(async () => {
    const citizen = await citizensApi.create({ cpr, name, gender: gender || null, origin: origin || null });
    navigate(`/citizens/${citizen.id}`);
  });
  return (
    <details className="card">
      <summary>{t('createCitizen')}</summary>
      <form onSubmit={submit}>
        <Field id="new-cpr" label={t('cpr')} hint={t('cprFormatHint')}>
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
        <SelectField id="new-gender" label={t('gender')} value={gender} onChange={setGender} options={genders} blank="–" />
        <SelectField id="new-origin" label={t('origin')} value={origin} onChange={setOrigin} options={origins} blank="–" />
        <FormSubmit error={error} />
      </form>
    </details>
  );
}
