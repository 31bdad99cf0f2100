import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { formatHours, formatKr, formatMonth, formatNumber, formatPercent } from '../../../app/formats.ts';
import { economyChartReferences, economyFigureNotes } from '../../../../domain/economy-figure-notes.ts';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { NumberField } from '../../../components/text-field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { economyApi, type Breakdown, type Economy } from '../api-client.ts';
import { SpendChart } from './spend-chart.tsx';
import { DataTable } from '../../../components/data-table.tsx';

const kr = (n: number | null | undefined) => formatKr(n);
const alertText: Record<string, TextKey> = {
  FORECAST_OVER_BUDGET: 'ecoForecastOverBudget',
  FORECAST_OVER_FRAME: 'ecoForecastOverFrame',
  FORECAST_MAY_EXCEED_BUDGET: 'ecoForecastMayExceedBudget',
  FORECAST_MAY_EXCEED_FRAME: 'ecoForecastMayExceedFrame',
  SPEND_OVER_BUDGET: 'ecoSpendOverBudget',
  SPEND_OVER_FRAME: 'ecoSpendOverFrame',
};

/** The manager's page: spend vs budget vs refund frame, forecast to December, splits and exports (issue 4). */
export function EconomyPage() {
  const { user } = useSession();
  const { t, e } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, reload } = useLoad(() => economyApi.get(year), [year]);
  const [tab, setTab] = useState<'byMentorType' | 'byProviderType' | 'byTargetGroup' | 'byRefundClass'>('byProviderType');
  const tabs = {
    byMentorType: t('ecoByMentorType'),
    byProviderType: t('ecoByProviderType'),
    byTargetGroup: t('ecoByTargetGroup'),
    byRefundClass: t('ecoByRefundClass'),
  } as const;
  return (
    <section>
      <h1>
        {t('economy')} {year}
      </h1>
      <div className="inline-form">
        <Field id="eco-year" label={t('ecoYear')}>
          <select id="eco-year" value={year} onChange={(ev) => setYear(Number(ev.target.value))}>
            {Array.from({ length: 13 }, (_, i) => new Date().getFullYear() - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <a className="button" href={`/api/economy/${year}.xlsx`} download>
          {t('crDownloadExcel')}
        </a>
        <a className="button" href={`/api/economy/${year}.pdf`} download>
          {t('crDownloadPdf')}
        </a>
      </div>
      <ErrorMessage error={error} />
      {data ? (
        <>
          {data.alerts.map((a, i) => (
            <p key={i} className={`alert ${a.severity === 'error' ? 'alert-error' : 'alert-warning'}`} role="status">
              {alertText[a.code] ? t(alertText[a.code]!) : (a.message ?? '')}
              {a.month ? ` (${t('ecoFromMonth')} ${formatMonth(a.month, { withYear: true })})` : ''}
            </p>
          ))}
          <EconomyFigures data={data} />
          {data.year >= 2026 ? <BudgetCeilingCard ceiling={data.budgetCeiling} notes={economyFigureNotes(data)} /> : null}
          <SpendChart months={data.byMonth} references={economyChartReferences(data)} asOf={data.asOf} />
          <details className="card">
            <summary>{t('ecoHowForecast')}</summary>
            {/* Written by the server in Danish (TODO(#14): English forecast method). */}
            <p lang="da">{data.forecast.method}</p>
          </details>
          <h2>{t('ecoBreakdown')}</h2>
          <div role="tablist" aria-label={t('ecoBreakdown')} className="segmented">
            {(Object.keys(tabs) as (keyof typeof tabs)[]).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                className={tab === k ? 'primary' : ''}
                onClick={() => setTab(k)}
              >
                {tabs[k]}
              </button>
            ))}
          </div>
          <BreakdownTable rows={data[tab]} caption={tabs[tab]} />
          <h2>{t('ecoAccounting')}</h2>
          <DataTable caption={t('ecoAccounting')} columns={[t('ecoFunction'), t('ecoSpend'), t('ecoNote')]}>
            {data.accountingFunctions.map((f, i) => (
              <tr key={i}>
                <td>
                  {f.functionCode ?? '–'} ({e(f.refundClass).toLowerCase()})
                </td>
                <td className="num">{kr(f.spendKr)}</td>
                <td lang="da">{f.note ?? ''}</td>
              </tr>
            ))}
          </DataTable>
          {user && ['manager', 'coordinator'].includes(user.role) ? <FrameForm year={year} onSaved={reload} /> : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * The key figures, each with one line saying what it is made of (issue 14), so that e.g. a refund
 * beside a refund frame of 0 kr. explains itself.
 */
function EconomyFigures({ data }: { data: Economy }) {
  const { t } = useI18n();
  const notes = economyFigureNotes(data);
  const figure = (key: string, label: string, value: ReactNode, note: string) => (
    <div key={key} data-figure={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {/* The notes are composed in Danish by domain/economy-figure-notes.ts (TODO(#14): English notes). */}
      <dd className="kpi-note" lang="da">
        {note}
      </dd>
    </div>
  );
  return (
    <dl className="kpis">
      {figure('spend', t('ecoSpendToDate'), kr(data.spend), notes.spend)}
      {figure(
        'forecast',
        t('ecoForecastYear'),
        <>
          {kr(data.forecast.expected)}
          <small>
            {' '}
            ({kr(data.forecast.low)} – {kr(data.forecast.high)})
          </small>
        </>,
        notes.forecast,
      )}
      {figure('budget', t('ecoBudget'), kr(data.budgetKr), notes.budget)}
      {figure('refundFrame', t('ecoRefundFrame'), data.refundFrame === null ? t('ecoNotSet') : kr(data.refundFrame), notes.refundFrame)}
      {figure('eligibleSpend', t('ecoEligibleSpend'), kr(data.eligibleSpend), notes.eligibleSpend)}
      {figure('refund', t('ecoRefund'), kr(data.refund), notes.refund)}
      {figure('overFramePercent', t('ecoOverFrame'), formatPercent(data.overFramePercent), notes.overFramePercent)}
      {figure(
        'averages',
        t('ecoAverages'),
        <>
          {kr(data.averageCostPerCourseKr)} / {kr(data.averageCostPerHourKr)}
        </>,
        notes.averages,
      )}
    </dl>
  );
}

/**
 * R-FIN-5: spend against the LAB § 203 a ceiling (full-time persons in § 6 nr. 1–10 × the year's rate, both
 * entered by the municipality). The draft rate is shown as "ikke bekræftet" until an admin confirms it.
 * From 2026 the card is always there; without full-time persons it says what to enter.
 */
function BudgetCeilingCard({ ceiling, notes }: { ceiling: Economy['budgetCeiling']; notes: ReturnType<typeof economyFigureNotes> }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="eco-ceiling">
      <h2 id="eco-ceiling">{t('ecoCeilingHeading')}</h2>
      {ceiling === null ? (
        <p lang="da">{notes.ceiling}</p>
      ) : (
        <>
          <dl className="kpis">
            <div>
              <dt>{t('ecoFullTimePersons')}</dt>
              <dd>{formatNumber(ceiling.fullTimePersons)}</dd>
              <dd className="kpi-note">{t('ecoFullTimePersonsNote')}</dd>
            </div>
            <div>
              <dt>{t('ecoRatePerFte')}</dt>
              <dd>
                {kr(ceiling.ratePerFteKr)}{' '}
                {ceiling.rateVerified ? null : <strong className="badge badge-draft">{t('regimeNotConfirmed')}</strong>}
              </dd>
              <dd className="kpi-note">
                {ceiling.rateVerified ? `${t('findingSource')}: ${ceiling.rateSourceNote ?? ''}` : t('ecoRateFromDraft')}
              </dd>
            </div>
            <div>
              <dt>{t('ecoCeiling')}</dt>
              <dd>{kr(ceiling.ceilingKr)}</dd>
              <dd className="kpi-note" lang="da">
                {notes.ceiling}
              </dd>
            </div>
            <div>
              <dt>{t('ecoCeilingSpend')}</dt>
              <dd>{kr(ceiling.totalSpendKr)}</dd>
              <dd className="kpi-note" lang="da">
                {notes.ceilingSpend}
              </dd>
            </div>
            <div>
              <dt>{ceiling.withinCeiling ? t('ecoWithinCeiling') : t('ecoOverCeiling')}</dt>
              <dd>{ceiling.withinCeiling ? kr(ceiling.ceilingKr - ceiling.totalSpendKr) : kr(ceiling.overCeilingKr)}</dd>
              <dd className="kpi-note">{ceiling.withinCeiling ? t('ecoWithinCeilingNote') : t('ecoOverCeilingNote')}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

/** A breakdown row's name: the code's label in the page's language when it has one, else the server's label. */
function enumText(e: (code: string) => string, key: string, label: string): string {
  const text = e(key);
  return text === key ? label : text;
}

function BreakdownTable({ rows, caption }: { rows: Breakdown[]; caption: string }) {
  const { t, e } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.spendKr));
  return (
    <DataTable caption={caption} columns={[caption, t('ecoCourses'), t('ecoHours'), t('ecoSpend'), t('ecoShare'), t('ecoCommitted')]}>
      {rows.map((r) => (
        <tr key={r.key}>
          <td>{enumText(e, r.key, r.label)}</td>
          <td className="num">{r.courses}</td>
          <td className="num">{formatHours(r.hours)}</td>
          <td className="num">
            <span className="bar" style={{ width: `${(r.spendKr / max) * 5}rem` }} aria-hidden="true" /> {kr(r.spendKr)}
          </td>
          <td className="num">{formatPercent(r.sharePercent, { maxDecimals: 2 })}</td>
          <td className="num">{kr(r.committedKr)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The year's refund frame, budget and (from 2026) ceiling inputs, opened with what is stored for the year. */
function FrameForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const { t } = useI18n();
  const [frame, setFrame] = useState('');
  const [budget, setBudget] = useState('');
  const [fullTimePersons, setFullTimePersons] = useState('');
  const [otherGuidance, setOtherGuidance] = useState('');
  const [stored, setStored] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    economyApi
      .frames()
      .then(({ frames }) => {
        if (!current) return;
        const row = frames.find((f) => f.year === year);
        setFrame(row ? String(row.refundFrameKr) : '');
        setBudget(row ? String(row.budgetKr) : '');
        setFullTimePersons(row?.fullTimePersons == null ? '' : String(row.fullTimePersons));
        setOtherGuidance(row?.otherGuidanceSpendKr == null ? '' : String(row.otherGuidanceSpendKr));
        setStored(row !== undefined);
      })
      .catch((err: unknown) => current && setError(err));
    return () => {
      current = false;
    };
  }, [year]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setSaving(true);
    try {
      await economyApi.setFrame(year, {
        refundFrame: Number(frame),
        budget: Number(budget),
        ...(fullTimePersons === '' ? {} : { fullTimePersons: Number(fullTimePersons) }),
        ...(otherGuidance === '' ? {} : { otherGuidanceSpend: Number(otherGuidance) }),
      });
      setStored(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }
  return (
    <details className="card">
      <summary>
        {t('ecoFrameAndBudget')} {year}
      </summary>
      <p className="meta">{stored ? `${t('ecoStoredFor')} ${year}.` : `${t('ecoNothingStoredFor')} ${year} ${t('ecoYet')}.`}</p>
      <form onSubmit={submit} className="row">
        <NumberField id="eco-frame" label={t('ecoRefundFrameKr')} value={frame} onChange={setFrame} required />
        <NumberField id="eco-budget" label={t('ecoBudgetKr')} value={budget} onChange={setBudget} required />
        {year >= 2026 ? (
          <>
            <NumberField id="eco-fte" label={t('ecoFullTimePersons')} step="0.1" value={fullTimePersons} onChange={setFullTimePersons} />
            <NumberField id="eco-other" label={t('ecoOtherGuidanceKr')} value={otherGuidance} onChange={setOtherGuidance} />
          </>
        ) : null}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
      </form>
    </details>
  );
}
