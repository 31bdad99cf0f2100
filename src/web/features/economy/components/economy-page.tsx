import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { danishMonthAndYear } from '../../../../domain/calendar-month.ts';
import { formatHours, formatKr, formatNumber, formatPercent } from '../../../app/formats.ts';
import { economyChartReferences, economyFigureNotes } from '../../../../domain/economy-figure-notes.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { economyApi, type Breakdown, type Economy } from '../api-client.ts';
import { SpendChart } from './spend-chart.tsx';
import { DataTable } from '../../../components/data-table.tsx';

const kr = (n: number | null | undefined) => formatKr(n);
const alertText: Record<string, string> = {
  FORECAST_OVER_BUDGET: 'Prognosen overstiger budgettet',
  FORECAST_OVER_FRAME: 'Prognosen overstiger det refusionsberettigede forbrug',
  FORECAST_MAY_EXCEED_BUDGET: 'Prognosens høje skøn overstiger budgettet',
  FORECAST_MAY_EXCEED_FRAME: 'Prognosens høje skøn overstiger det refusionsberettigede forbrug',
  SPEND_OVER_BUDGET: 'Forbruget har overskredet budgettet',
  SPEND_OVER_FRAME: 'Forbruget har overskredet det refusionsberettigede forbrug',
};

/** The manager's page: spend vs budget vs refund frame, forecast to December, splits and exports (issue 4). */
export function EconomyPage() {
  const { user } = useSession();
  const { e } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, reload } = useLoad(() => economyApi.get(year), [year]);
  const [tab, setTab] = useState<'byMentorType' | 'byProviderType' | 'byTargetGroup' | 'byRefundClass'>('byProviderType');
  const tabs = {
    byMentorType: 'Mentortype',
    byProviderType: 'Leverandørtype',
    byTargetGroup: 'Målgruppe',
    byRefundClass: 'Refusion',
  } as const;
  return (
    <section>
      <h1>Økonomi {year}</h1>
      <div className="inline-form">
        <Field id="eco-year" label="År">
          <select id="eco-year" value={year} onChange={(ev) => setYear(Number(ev.target.value))}>
            {Array.from({ length: 13 }, (_, i) => new Date().getFullYear() - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <a className="button" href={`/api/economy/${year}.xlsx`} download>
          Hent Excel
        </a>
        <a className="button" href={`/api/economy/${year}.pdf`} download>
          Hent PDF
        </a>
      </div>
      <ErrorMessage error={error} />
      {data ? (
        <>
          {data.alerts.map((a, i) => (
            <p key={i} className={`alert ${a.severity === 'error' ? 'alert-error' : 'alert-warning'}`} role="status">
              {alertText[a.code] ?? a.message ?? ''}
              {a.month ? ` (fra ${danishMonthAndYear(a.month)})` : ''}
            </p>
          ))}
          <EconomyFigures data={data} />
          {data.year >= 2026 ? <BudgetCeilingCard ceiling={data.budgetCeiling} notes={economyFigureNotes(data)} /> : null}
          <SpendChart months={data.byMonth} references={economyChartReferences(data)} asOf={data.asOf} />
          <details className="card">
            <summary>Sådan beregnes prognosen</summary>
            <p>{data.forecast.method}</p>
          </details>
          <h2>Fordeling</h2>
          <div role="tablist" aria-label="Fordeling" className="segmented">
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
          <h2>Kontering</h2>
          <DataTable caption="Kontering" columns={['Funktion', 'Forbrug', 'Note']}>
            {data.accountingFunctions.map((f, i) => (
              <tr key={i}>
                <td>
                  {f.functionCode ?? '–'} ({e(f.refundClass).toLowerCase()})
                </td>
                <td className="num">{kr(f.spendKr)}</td>
                <td>{f.note ?? ''}</td>
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
  const notes = economyFigureNotes(data);
  const figure = (key: string, label: string, value: ReactNode, note: string) => (
    <div key={key} data-figure={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="kpi-note">{note}</dd>
    </div>
  );
  return (
    <dl className="kpis">
      {figure('spend', 'Forbrug til dato', kr(data.spend), notes.spend)}
      {figure(
        'forecast',
        'Prognose for året',
        <>
          {kr(data.forecast.expected)}
          <small>
            {' '}
            ({kr(data.forecast.low)} – {kr(data.forecast.high)})
          </small>
        </>,
        notes.forecast,
      )}
      {figure('budget', 'Budget', kr(data.budgetKr), notes.budget)}
      {figure('refundFrame', 'Refusionsramme', data.refundFrame === null ? 'Ikke sat' : kr(data.refundFrame), notes.refundFrame)}
      {figure('eligibleSpend', 'Refusionsberettiget forbrug', kr(data.eligibleSpend), notes.eligibleSpend)}
      {figure('refund', 'Refusion', kr(data.refund), notes.refund)}
      {figure('overFramePercent', 'Budget ud over refusionsrammen', formatPercent(data.overFramePercent), notes.overFramePercent)}
      {figure(
        'averages',
        'Gns. pr. forløb / pr. time',
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
  return (
    <section className="card" aria-labelledby="eco-ceiling">
      <h2 id="eco-ceiling">Loft over udgifter (LAB § 203 a)</h2>
      {ceiling === null ? (
        <p>{notes.ceiling}</p>
      ) : (
        <>
          <dl className="kpis">
            <div>
              <dt>Fuldtidspersoner i § 6, nr. 1–10</dt>
              <dd>{formatNumber(ceiling.fullTimePersons)}</dd>
              <dd className="kpi-note">Angivet af kommunen under &quot;Ramme og budget&quot;.</dd>
            </div>
            <div>
              <dt>Sats pr. fuldtidsperson</dt>
              <dd>
                {kr(ceiling.ratePerFteKr)} {ceiling.rateVerified ? null : <strong className="badge badge-draft">ikke bekræftet</strong>}
              </dd>
              <dd className="kpi-note">
                {ceiling.rateVerified
                  ? `Kilde: ${ceiling.rateSourceNote ?? ''}`
                  : 'Fra lovudkastet; en administrator kan bekræfte eller ændre satsen med en kildeangivelse.'}
              </dd>
            </div>
            <div>
              <dt>Loft</dt>
              <dd>{kr(ceiling.ceilingKr)}</dd>
              <dd className="kpi-note">{notes.ceiling}</dd>
            </div>
            <div>
              <dt>Mentorstøtte + øvrig vejledning og opkvalificering (prognose)</dt>
              <dd>{kr(ceiling.totalSpendKr)}</dd>
              <dd className="kpi-note">{notes.ceilingSpend}</dd>
            </div>
            <div>
              <dt>{ceiling.withinCeiling ? 'Inden for loftet' : 'Over loftet (afholdes af kommunen)'}</dt>
              <dd>{ceiling.withinCeiling ? kr(ceiling.ceilingKr - ceiling.totalSpendKr) : kr(ceiling.overCeilingKr)}</dd>
              <dd className="kpi-note">
                {ceiling.withinCeiling
                  ? 'Loftet minus prognosen: hvad der er plads til.'
                  : 'Prognosen minus loftet: indgår ikke i budgetgarantien.'}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

function BreakdownTable({ rows, caption }: { rows: Breakdown[]; caption: string }) {
  const max = Math.max(1, ...rows.map((r) => r.spendKr));
  return (
    <DataTable caption={caption} columns={[caption, 'Forløb', 'Timer', 'Forbrug', 'Andel', 'Bundet']}>
      {rows.map((r) => (
        <tr key={r.key}>
          <td>{r.label}</td>
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
      <summary>Ramme og budget for {year}</summary>
      <p className="meta">
        {stored ? `Felterne viser det, der er gemt for ${year}.` : `Der er ikke gemt en ramme eller et budget for ${year} endnu.`}
      </p>
      <form onSubmit={submit} className="row">
        <TextField id="eco-frame" label="Refusionsramme (kr.)" type="number" min="0" value={frame} onChange={setFrame} required />
        <TextField id="eco-budget" label="Budget (kr.)" type="number" min="0" value={budget} onChange={setBudget} required />
        {year >= 2026 ? (
          <>
            <TextField
              id="eco-fte"
              label="Fuldtidspersoner i § 6, nr. 1–10"
              type="number"
              min="0"
              step="0.1"
              value={fullTimePersons}
              onChange={setFullTimePersons}
            />
            <TextField
              id="eco-other"
              label="Øvrig vejledning og opkvalificering (kr.)"
              type="number"
              min="0"
              value={otherGuidance}
              onChange={setOtherGuidance}
            />
          </>
        ) : null}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Gemmer …' : 'Gem'}
        </button>
      </form>
    </details>
  );
}
