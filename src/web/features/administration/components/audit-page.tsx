import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { navigate } from '../../../app/router.ts';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { administrationApi, type AuditEntry } from '../api-client.ts';
import { formatDateTime, formatNumber } from '../../../app/formats.ts';
import { auditPurposeLabels, auditPurposeLabelsEn } from '../../../../domain/audit-action-labels.ts';
import { auditCriterionText } from '../audit-criterion-text.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/select-field.tsx';

const filterKeys = ['cpr', 'citizenId', 'from', 'to', 'username', 'action'] as const;
const actions = ['read', 'search', 'create', 'update', 'export', 'delete', 'login', 'login_failed', 'access_denied'];

/**
 * R-PRV-2 and issue 14: the access log for access requests and spot checks — by CPR number or citizen
 * id, period, user and action, 50 rows a page with the total, and a CSV export for the citizen.
 */
export function AuditPage({ query }: { query: URLSearchParams }) {
  const { t, e, language } = useI18n();
  const key = query.toString();
  const [filter, setFilter] = useState<Record<(typeof filterKeys)[number], string>>(
    () => Object.fromEntries(filterKeys.map((k) => [k, query.get(k) ?? ''])) as Record<(typeof filterKeys)[number], string>,
  );
  // A CPR number is never put in the address (it would stay in the browser's history): it is kept here.
  const [cprSearch, setCprSearch] = useState<string | null>(null);
  const params = new URLSearchParams(key);
  if (cprSearch) params.set('cpr', cprSearch);
  const { data, error } = useLoad(() => administrationApi.audit(params), [key, cprSearch]);
  const page = Number(query.get('page') ?? '1');
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  function go(nextPage: number, event?: FormEvent) {
    event?.preventDefault();
    const next = new URLSearchParams();
    for (const k of filterKeys) if (k !== 'cpr' && filter[k].trim() !== '') next.set(k, filter[k].trim());
    setCprSearch(filter.cpr.trim() || null);
    if (nextPage > 1) next.set('page', String(nextPage));
    navigate(`/audit?${next.toString()}`);
  }
  const citizenChosen = params.get('cpr') || params.get('citizenId');
  const set = (k: (typeof filterKeys)[number]) => (value: string) => setFilter({ ...filter, [k]: value });

  return (
    <section>
      <h1>{t('auditLog')}</h1>
      <form onSubmit={(ev) => go(1, ev)} className="inline-form">
        <Field id="audit-cpr" label={t('auditCpr')}>
          <input id="audit-cpr" inputMode="numeric" autoComplete="off" value={filter.cpr} onChange={(ev) => set('cpr')(ev.target.value)} />
        </Field>
        <Field id="audit-citizen" label={t('citizenId')}>
          <input id="audit-citizen" inputMode="numeric" value={filter.citizenId} onChange={(ev) => set('citizenId')(ev.target.value)} />
        </Field>
        <Field id="audit-from" label={t('auditFrom')}>
          <input id="audit-from" type="date" value={filter.from} onChange={(ev) => set('from')(ev.target.value)} />
        </Field>
        <Field id="audit-to" label={t('auditTo')}>
          <input id="audit-to" type="date" value={filter.to} onChange={(ev) => set('to')(ev.target.value)} />
        </Field>
        <Field id="audit-user" label={t('user')}>
          <input id="audit-user" value={filter.username} onChange={(ev) => set('username')(ev.target.value)} />
        </Field>
        <SelectField
          id="audit-action"
          label={t('action')}
          value={filter.action}
          onChange={set('action')}
          options={actions}
          blank={t('auditAllActions')}
        />
        <button type="submit" className="primary">
          {t('showAccesses')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {data ? (
        <p role="status">
          {t('auditTotal')}: {formatNumber(data.total)} · {t('auditPage')} {page} / {pages}
          {citizenChosen ? (
            <>
              {' · '}
              <a href={administrationApi.auditExportUrl(params)} download>
                {t('auditExport')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <DataTable caption={t('auditLog')} columns={[t('time'), t('user'), t('action'), t('citizenId'), t('criterion'), t('purpose')]}>
        {(data?.entries ?? []).map((x) => (
          <tr key={x.id}>
            <td>{formatDateTime(x.at)}</td>
            <td>{x.username}</td>
            <td>
              {e(x.action)} ({e(`entity:${x.entity}`)})
            </td>
            <td>{x.citizenId ?? '–'}</td>
            <td>
              <Criterion entry={x} />
            </td>
            <td>{x.purpose ? ((language === 'da' ? auditPurposeLabels : auditPurposeLabelsEn)[x.purpose] ?? x.purpose) : '–'}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label={t('auditPage')} className="inline-form">
        <button type="button" disabled={page <= 1} onClick={() => go(page - 1)}>
          {t('auditPrevious')}
        </button>
        <button type="button" disabled={page >= pages} onClick={() => go(page + 1)}>
          {t('auditNext')}
        </button>
      </nav>
    </section>
  );
}

/**
 * The criterion in words (issue 14); the stored record stays at hand as the cell's tooltip. A shape the
 * page does not know is shown as stored, as plain text.
 */
function Criterion({ entry }: { entry: AuditEntry }) {
  const { language } = useI18n();
  if (!entry.criterion) return <>–</>;
  const text = auditCriterionText(entry, language);
  return text ? <span title={entry.criterion}>{text}</span> : <>{entry.criterion}</>;
}
