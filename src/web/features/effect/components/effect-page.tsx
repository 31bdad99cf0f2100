import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  covariateLabel,
  effectPageText,
  effectResultWords,
  eventTimeScale,
  formatNumber,
  starContextText,
  type EffectLanguage,
  type EffectResultWords,
} from '../../../../domain/effect-words.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { effectApi, type Analysis, type AnalysisParameters as Parameters, type AnalysisResult as Result } from '../api-client.ts';
import { formatDate, formatDateTime } from '../../../app/formats.ts';

type Words = (typeof effectPageText)['da'];

const num = (lang: EffectLanguage, n: number | null, d = 2) => (n === null ? '–' : formatNumber(lang, n, d));
const when = (_lang: EffectLanguage, iso: string) => formatDateTime(iso);

function OverlapPlot({ h, lang, w }: { h: Result['scoreHistogram']; lang: EffectLanguage; w: Words }) {
  const max = Math.max(1, ...h.treated, ...h.control);
  const [left, width] = [44, 400];
  const bar = width / 20;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${left + width + 8} 190`} role="img" aria-label={w.overlapLabel}>
        {h.control.map((c, i) => (
          <rect key={`c${i}`} x={left + i * bar} y={80 - (c / max) * 68} width={bar - 1} height={(c / max) * 68} fill="#5f6b76" />
        ))}
        {h.treated.map((t, i) => (
          <rect key={`t${i}`} x={left + i * bar} y={82} width={bar - 1} height={(t / max) * 68} fill="#0b4f71" />
        ))}
        <line x1={left} x2={left + width} y1="81" y2="81" stroke="#1b1f24" />
        {[0, 0.5, 1].map((p) => (
          <text key={p} x={left + p * width} y="166" fontSize="11" textAnchor="middle">
            {formatNumber(lang, p, 1)}
          </text>
        ))}
        <text x={left + width / 2} y="184" fontSize="12" textAnchor="middle">
          {w.overlapXAxis}
        </text>
        <text x="12" y="81" fontSize="12" textAnchor="middle" transform="rotate(-90 12 81)">
          {w.overlapYAxis}
        </text>
      </svg>
      <figcaption>{w.overlapCaption}</figcaption>
    </figure>
  );
}

function EventTimeChart({ r, lang, w, words }: { r: Result; lang: EffectLanguage; w: Words; words: EffectResultWords }) {
  if (!r.eventTime || r.eventTime.length === 0) return null;
  const { points, top, monthTicks, valueTicks } = eventTimeScale(lang, r.outcome, r.eventTime);
  const [left, width, height] = [48, 420, 150];
  const x = (m: number) => left + ((m + 12) / 36) * width;
  const y = (v: number) => 10 + height - (v / top) * height;
  const path = (key: 'treated' | 'comparison') =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${left + width + 10} 210`} role="img" aria-label={w.eventTimeLabel(words.share)}>
        <line x1={left} x2={left + width} y1={y(0)} y2={y(0)} stroke="#1b1f24" />
        <line x1={left} x2={left} y1={10} y2={y(0)} stroke="#1b1f24" />
        <line x1={x(0)} x2={x(0)} y1={10} y2={y(0)} stroke="#1b1f24" strokeDasharray="4 3" />
        <path d={path('comparison')} fill="none" stroke="#5f6b76" strokeWidth="2" />
        <path d={path('treated')} fill="none" stroke="#0b4f71" strokeWidth="2.5" />
        {monthTicks.map(({ month, label }) => (
          <text key={month} x={x(month)} y={y(0) + 14} fontSize="11" textAnchor="middle">
            {label}
          </text>
        ))}
        {valueTicks.map(({ value, label }) => (
          <text key={value} x={left - 4} y={y(value) + 4} fontSize="11" textAnchor="end">
            {label}
          </text>
        ))}
        <text x={left + width / 2} y="200" fontSize="12" textAnchor="middle">
          {w.eventTimeXAxis}
        </text>
        <text x="12" y={10 + height / 2} fontSize="12" textAnchor="middle" transform={`rotate(-90 12 ${10 + height / 2})`}>
          {words.eventTimeAxis}
        </text>
      </svg>
      <figcaption>{words.eventTimeCaption}</figcaption>
    </figure>
  );
}

function ResultCard({ r, lang, w }: { r: Result; lang: EffectLanguage; w: Words }) {
  const words = effectResultWords(lang, r);
  return (
    <article className="card">
      <h2>{words.heading}</h2>
      <p className="lead">{words.sentence}</p>
      <p>{words.comparison}</p>
      <EventTimeChart r={r} lang={lang} w={w} words={words} />
      {words.placebo ? <p>{words.placebo}</p> : null}
      {words.horizons.length > 0 ? (
        <table>
          <caption>{w.horizonsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{w.horizonMonths}</th>
              <th scope="col">{w.effect}</th>
              <th scope="col">{w.interval}</th>
            </tr>
          </thead>
          <tbody>
            {words.horizons.map((h) => (
              <tr key={h.months}>
                <td className="num">{h.months}</td>
                <td className="num">{h.effect}</td>
                <td className="num">{h.interval}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {words.subgroups.length > 0 ? (
        <table>
          <caption>{w.subgroupsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{w.subgroup}</th>
              <th scope="col">{w.nTreated}</th>
              <th scope="col">{w.effect}</th>
              <th scope="col">{w.interval}</th>
            </tr>
          </thead>
          <tbody>
            {words.subgroups.map((g) => (
              <tr key={g.key}>
                <td>{g.label}</td>
                <td className="num">{g.treated}</td>
                <td className="num">{g.effect ?? '–'}</td>
                <td className="num">{g.interval ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {words.warnings.length > 0 ? (
        <div className="alert alert-warning">
          <strong>{w.warnings}</strong>
          <ul>
            {words.warnings.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details>
        <summary>{w.details}</summary>
        <table>
          <caption>{w.balanceHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{w.covariate}</th>
              <th scope="col">{w.meanTreated}</th>
              <th scope="col">{w.meanControl}</th>
              <th scope="col">{w.before}</th>
              <th scope="col">{w.after}</th>
            </tr>
          </thead>
          <tbody>
            {r.balance.map((b) => (
              <tr key={b.covariate}>
                <td>{covariateLabel(lang, b.covariate)}</td>
                <td className="num">{num(lang, b.meanTreated)}</td>
                <td className="num">{num(lang, b.meanControl)}</td>
                <td className="num">{num(lang, b.smdBefore)}</td>
                <td className="num">{num(lang, b.smdAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <OverlapPlot h={r.scoreHistogram} lang={lang} w={w} />
        <p>
          <strong>{w.sensitivity}:</strong> {words.sensitivity}
        </p>
      </details>
      <p className="hint">{words.caveat}</p>
    </article>
  );
}

/** The effect of mentor support, in words a politician understands, with the evidence a labour economist asks for (issue 15). */
export function EffectPage() {
  const { e, t, language } = useI18n();
  const w = effectPageText[language];
  const [type, setType] = useState('RET_OG_PLIGT');
  const [from, setFrom] = useState('2015-01-01');
  const [to, setTo] = useState('2015-06-30');
  const [horizon, setHorizon] = useState(7);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [saved, setSaved] = useState<Analysis[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    effectApi.list().then(setSaved).catch(setError);
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    if (!analysis || analysis.status !== 'running') return;
    const timer = setTimeout(() => {
      effectApi
        .get(analysis.id)
        .then((a) => {
          setAnalysis(a);
          if (a.status !== 'running') reload();
        })
        .catch(setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [analysis, reload]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { id } = await effectApi.start({
        type,
        firstStartFrom: from,
        firstStartTo: to,
        horizonMonths: horizon,
      });
      setAnalysis(await effectApi.get(id));
      reload();
    } catch (err) {
      setError(err);
    }
  }
  async function open(id: string) {
    setError(null);
    try {
      setAnalysis(await effectApi.get(id));
    } catch (err) {
      setError(err);
    }
  }
  async function remove(id: string) {
    if (!window.confirm(w.deleteConfirm)) return;
    try {
      await effectApi.remove(id);
      if (analysis?.id === id) setAnalysis(null);
      reload();
    } catch (err) {
      setError(err);
    }
  }
  const day = (d: string | undefined) => (d ? formatDate(d) : '?');
  const period = (p: Parameters) => `${day(p.firstStartFrom)} – ${day(p.firstStartTo)}`;
  return (
    <section>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <form onSubmit={submit} className="grid-form">
        <Field id="eff-type" label={w.type}>
          <select id="eff-type" value={type} onChange={(ev) => setType(ev.target.value)}>
            {['RET_OG_PLIGT', 'GENERAL', 'PSYCH_DISCHARGE', 'PRISON_RELEASE', 'COMPANY', 'EDUCATION_INST', 'YOUTH_EDUCATION'].map(
              (code) => (
                <option key={code} value={code}>
                  {e(code)}
                </option>
              ),
            )}
          </select>
        </Field>
        <Field id="eff-from" label={w.from}>
          <input id="eff-from" type="date" value={from} onChange={(ev) => setFrom(ev.target.value)} required />
        </Field>
        <Field id="eff-to" label={w.to}>
          <input id="eff-to" type="date" value={to} onChange={(ev) => setTo(ev.target.value)} required />
        </Field>
        <Field id="eff-horizon" label={w.horizon}>
          <select id="eff-horizon" value={horizon} onChange={(ev) => setHorizon(Number(ev.target.value))}>
            {[7, 12, 24].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary">
          {w.run}
        </button>
      </form>
      <ErrorMessage error={error} />
      <section aria-labelledby="eff-saved">
        <h2 id="eff-saved">{w.savedHeading}</h2>
        {saved.length === 0 ? (
          <p>{w.savedNone}</p>
        ) : (
          <table>
            <caption className="sr-only">{w.savedHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{w.ranAt}</th>
                <th scope="col">{w.ranBy}</th>
                <th scope="col">{w.period}</th>
                <th scope="col">{w.parameters}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">
                  <span className="sr-only">{w.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {saved.map((a) => (
                <tr key={a.id}>
                  <td>{when(language, a.createdAt)}</td>
                  <td>{a.createdByName ?? '–'}</td>
                  <td>{period(a.parameters)}</td>
                  <td>
                    {a.parameters.type ? e(a.parameters.type) : ''}, {a.parameters.horizonMonths ?? 7} {w.months}
                  </td>
                  <td>{w.statusText[a.status]}</td>
                  <td>
                    {a.status === 'done' ? (
                      <button type="button" onClick={() => void open(a.id)} aria-label={`${w.open} ${when(language, a.createdAt)}`}>
                        {w.open}
                      </button>
                    ) : null}{' '}
                    {a.canDelete ? (
                      <button type="button" onClick={() => void remove(a.id)} aria-label={`${w.delete} ${when(language, a.createdAt)}`}>
                        {w.delete}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {analysis?.status === 'running' ? (
        <p role="status">
          {analysis.phase?.startsWith('loading') ? `${t('effectLoading')}${analysis.phase.slice('loading'.length)}` : t('effectEstimating')}{' '}
          … {Math.round(analysis.progress * 100)} % <progress value={analysis.progress} max={1} />
        </p>
      ) : null}
      {analysis?.status === 'failed' ? (
        <p className="alert alert-error" role="alert">
          {analysis.errorCode === 'INTERRUPTED' ? t('effectInterrupted') : w.failed}
        </p>
      ) : null}
      {analysis?.status === 'done' ? (
        <>
          <p>
            {w.openedAnalysis(analysis.createdByName ?? '–', when(language, analysis.createdAt))} {w.period}: {period(analysis.parameters)}.
          </p>
          <p className="actions">
            <a className="button" href={`/api/analyses/${analysis.id}/report.pdf?lang=${language}`} download>
              {w.downloadPdf}
            </a>{' '}
            <a className="button" href={`/api/analyses/${analysis.id}/report.xlsx?lang=${language}`} download>
              {w.downloadXlsx}
            </a>{' '}
            <a className="button" href={`/api/analyses/${analysis.id}/report.csv?lang=${language}`} download>
              {w.downloadCsv}
            </a>
          </p>
          <aside className="card">
            <h2>{w.contextHeading}</h2>
            <p>{starContextText(language)}</p>
          </aside>
          {analysis.results.map((r) => (
            <ResultCard key={r.outcome} r={r} lang={language} w={w} />
          ))}
        </>
      ) : null}
    </section>
  );
}
