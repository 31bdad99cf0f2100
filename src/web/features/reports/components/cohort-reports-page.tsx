import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { targetGroupCodes } from '../../../../domain/target-group.ts';
import { grantTypes } from '../../grants/api-client.ts';
import { reportNames, reportsApi, type ReportCitizen, type ReportFilter, type ReportTable } from '../api-client.ts';
import { ReportChart } from './report-chart.tsx';
import { formatNumber, formatPercent } from '../../../app/formats.ts';
import { TextField } from '../../../components/text-field.tsx';
import { SelectField } from '../../../components/select-field.tsx';

const count = (v: number | null) => formatNumber(v);
const percent = (v: number | null) => formatPercent(v);
const canOpenCells = (role: string) => role === 'caseworker' || role === 'coordinator' || role === 'admin';

/**
 * The reports of Copenhagen's and Hvidovre's material for any period (issue 5 point 3): a table and a
 * chart per report, exports, and — for roles that may see citizens — the citizens behind a cell.
 * Cells under the discretion threshold are shown as "–" (R-STAT-1).
 */
export function CohortReportsPage() {
  const { t, language } = useI18n();
  const { user } = useSession();
  const [draft, setDraft] = useState<ReportFilter>({
    report: 'outcome-status',
    firstStartFrom: '2014-01-01',
    firstStartTo: '2015-09-30',
    type: 'RET_OG_PLIGT',
    targetGroup: '',
    horizonMonths: 7,
  });
  const [filter, setFilter] = useState(draft);
  const [cell, setCell] = useState<{ row: string; column: string; label: string; citizens: ReportCitizen[] | null; error: unknown } | null>(
    null,
  );
  const { data, error } = useLoad(() => reportsApi.get(filter), [filter]);
  const usesHorizon = draft.report === 'outcome-status' || draft.report === 'offers-at-horizon';

  function submit(event: FormEvent) {
    event.preventDefault();
    setCell(null);
    setFilter(draft);
  }
  function choose(report: string) {
    const next = { ...filter, report };
    setDraft(next);
    setFilter(next);
    setCell(null);
  }
  async function open(table: ReportTable, row: string, column: string) {
    const label = `${table.rows.find((r) => r.key === row)?.label ?? row} · ${table.columns.find((c) => c.key === column)?.label ?? column}`;
    setCell({ row, column, label, citizens: null, error: null });
    try {
      const { citizens } = await reportsApi.citizens(filter, row, column);
      setCell({ row, column, label, citizens, error: null });
    } catch (err) {
      setCell({ row, column, label, citizens: null, error: err });
    }
  }

  return (
    <section className="reports">
      <h1>{t('reports')}</h1>
      <p>{t('crIntro')}</p>
      <form onSubmit={submit} className="report-filter">
        <TextField
          id="report-from"
          label={t('crFirstStartFrom')}
          type="date"
          required
          value={draft.firstStartFrom}
          onChange={(v) => setDraft({ ...draft, firstStartFrom: v })}
        />
        <TextField
          id="report-to"
          label={t('crFirstStartTo')}
          type="date"
          required
          value={draft.firstStartTo}
          onChange={(v) => setDraft({ ...draft, firstStartTo: v })}
        />
        <SelectField
          id="report-type"
          label={t('grantType')}
          value={draft.type}
          onChange={(v) => setDraft({ ...draft, type: v })}
          options={grantTypes}
          blank={t('crAllTypes')}
        />
        <SelectField
          id="report-group"
          label={t('crTargetGroupAtStart')}
          value={draft.targetGroup}
          onChange={(v) => setDraft({ ...draft, targetGroup: v })}
          options={targetGroupCodes}
          blank={t('crAllTargetGroups')}
        />
        {usesHorizon ? (
          <Field id="report-horizon" label={t('crHorizon')}>
            <select
              id="report-horizon"
              value={draft.horizonMonths}
              onChange={(ev) => setDraft({ ...draft, horizonMonths: Number(ev.target.value) })}
            >
              {[3, 6, 7, 12, 24].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <button type="submit">{t('crShow')}</button>
      </form>
      <nav aria-label={t('crChooseReport')} className="report-tabs">
        <ul>
          {reportNames.map((r) => (
            <li key={r.key}>
              <button type="button" className="link-button" aria-pressed={filter.report === r.key} onClick={() => choose(r.key)}>
                {r.label[language]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorMessage error={error} />
      {data && data.report === filter.report ? (
        <>
          {/* The report's title and row and column names come from the server in Danish (TODO(#14): English report labels). */}
          <h2 lang="da">{data.title}</h2>
          <ReportChart table={data} />
          <table>
            <caption>
              <span lang="da">{`${data.title} (${data.unit})`}</span>. {`${t('crSuppressed')} ${data.threshold}, ${t('crSuppressedWhy')}.`}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  {data.report === 'starts-per-month' ? t('crMonth') : data.report === 'persons-per-year' ? t('crYear') : ''}
                </th>
                {data.columns.map((c) => (
                  <th key={c.key} scope="col" className="num" lang="da">
                    {c.label}
                  </th>
                ))}
                {data.rowTotals ? (
                  <th scope="col" className="num">
                    {t('pcTotal')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" lang="da">
                    {row.label}
                  </th>
                  {row.values.map((v, j) => {
                    const text = `${count(v)}${data.percentBase !== 'none' && v !== null ? ` (${percent(row.percentages[j]!)})` : ''}`;
                    const column = data.columns[j]!;
                    return (
                      <td key={column.key} className="num">
                        {user && canOpenCells(user.role) && v !== null && v > 0 ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => void open(data, row.key, column.key)}
                            aria-label={`${text}: ${t('crShowCitizens')}, ${row.label}, ${column.label}`}
                          >
                            {text}
                          </button>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                  {data.rowTotals ? <td className="num">{count(row.total)}</td> : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('pcTotal')}</th>
                {data.columnTotals.map((v, j) => (
                  <td key={data.columns[j]!.key} className="num">
                    {count(v)}
                  </td>
                ))}
                {data.rowTotals ? <td className="num">{count(data.total)}</td> : null}
              </tr>
            </tfoot>
          </table>
          <p className="actions">
            <a className="button" href={reportsApi.exportUrl(filter, 'xlsx')} download>
              {t('crDownloadExcel')}
            </a>
            <a className="button" href={reportsApi.exportUrl(filter, 'pdf')} download>
              {t('crDownloadPdf')}
            </a>
          </p>
          {cell ? (
            <section aria-live="polite">
              <h3>
                {t('crCitizensBehind')}: <span lang="da">{cell.label}</span>
              </h3>
              <ErrorMessage error={cell.error} />
              {cell.citizens === null ? (
                cell.error ? null : (
                  <p>{t('loading')}</p>
                )
              ) : (
                <ul>
                  {cell.citizens.map((c) => (
                    <li key={c.citizenId}>
                      <a href={`#/citizens/${c.citizenId}`}>{c.name}</a> ({c.cprMasked})
                    </li>
                  ))}
                </ul>
              )}
              <p className="hint">{t('crLogged')}</p>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
