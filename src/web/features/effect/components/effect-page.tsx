import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../app/http.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';

type Balance = { covariate: string; meanTreated: number; meanControl: number; smdBefore: number | null; smdAfter: number | null };
type Result = {
  outcome: string;
  summary: string;
  estimate: number;
  confidenceInterval: [number, number];
  nTreated: number;
  nControl: number;
  nTreatedMatched: number;
  nControlMatched: number;
  balance: Balance[];
  maxAbsSmdAfter: number;
  naiveDifference: number;
  sensitivity: { statement: string; gamma: number | null; eValue: number | null };
  warnings: { code: string; message: string }[];
  scoreHistogram: { treated: number[]; control: number[] };
  overlap: { treatedOutsideControlRange: number };
};
type Analysis = {
  id: string;
  status: 'running' | 'done' | 'failed';
  phase: string | null;
  progress: number;
  results: Result[];
  errorCode: 'INTERRUPTED' | 'FAILED' | null;
  error: string | null;
};

const outcomeText: Record<string, string> = {
  employment: 'Job',
  education: 'Uddannelse',
  self_support: 'Selvforsørgelse',
  benefit_weeks_52: 'Uger på offentlig forsørgelse (12 mdr.)',
};
const num = (n: number | null, d = 2) =>
  n === null ? '–' : n.toLocaleString('da-DK', { minimumFractionDigits: d, maximumFractionDigits: d });

function OverlapPlot({ h }: { h: Result['scoreHistogram'] }) {
  const max = Math.max(1, ...h.treated, ...h.control);
  const w = 400;
  const bar = w / 20;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} 140`} role="img" aria-label="Overlap: fordeling af propensity score for borgere med og uden mentor">
        {h.control.map((c, i) => (
          <rect key={`c${i}`} x={i * bar} y={70 - (c / max) * 68} width={bar - 1} height={(c / max) * 68} fill="#7a8793" />
        ))}
        {h.treated.map((t, i) => (
          <rect key={`t${i}`} x={i * bar} y={72} width={bar - 1} height={(t / max) * 68} fill="#0b4f71" />
        ))}
        <line x1="0" x2={w} y1="71" y2="71" stroke="#1b1f24" />
      </svg>
      <figcaption>
        Øverst (grå): borgere uden mentor; nederst (blå): borgere med mentor, efter sandsynligheden for at få mentor (0 til 1). Overlap
        betyder, at der findes sammenlignelige borgere.
      </figcaption>
    </figure>
  );
}

/** The effect of mentor support, in words a politician understands, with balance, overlap and caveats. */
export function EffectPage() {
  const { e, t } = useI18n();
  const [type, setType] = useState('RET_OG_PLIGT');
  const [from, setFrom] = useState('2015-01-01');
  const [to, setTo] = useState('2015-06-30');
  const [horizon, setHorizon] = useState(7);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!analysis || analysis.status !== 'running') return;
    const timer = setTimeout(() => {
      api<Analysis>('GET', `/api/analyses/${analysis.id}`).then(setAnalysis).catch(setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [analysis]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { id } = await api<{ id: string }>('POST', '/api/analyses/effect', {
        type,
        firstStartFrom: from,
        firstStartTo: to,
        horizonMonths: horizon,
      });
      setAnalysis({ id, status: 'running', phase: 'loading', progress: 0, results: [], errorCode: null, error: null });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>Effekt af mentorstøtte</h1>
      <p>
        Borgere, der startede deres første mentorforløb i perioden, sammenlignes med borgere i samme målgruppe, som på samme tidspunkt endnu
        ikke havde fået mentor, og som lignede dem på alder, køn, herkomst, målgruppe og tidligere forsørgelse og beskæftigelse.
      </p>
      <form onSubmit={submit} className="grid-form">
        <Field id="eff-type" label="Type mentorstøtte">
          <select id="eff-type" value={type} onChange={(ev) => setType(ev.target.value)}>
            {['RET_OG_PLIGT', 'GENERAL', 'PSYCH_DISCHARGE', 'PRISON_RELEASE', 'COMPANY', 'EDUCATION_INST', 'YOUTH_EDUCATION'].map((t) => (
              <option key={t} value={t}>
                {e(t)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="eff-from" label="Første start fra">
          <input id="eff-from" type="date" value={from} onChange={(ev) => setFrom(ev.target.value)} required />
        </Field>
        <Field id="eff-to" label="Første start til">
          <input id="eff-to" type="date" value={to} onChange={(ev) => setTo(ev.target.value)} required />
        </Field>
        <Field id="eff-horizon" label="Måneder efter start">
          <select id="eff-horizon" value={horizon} onChange={(ev) => setHorizon(Number(ev.target.value))}>
            {[7, 12, 24].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary">
          Beregn
        </button>
      </form>
      <ErrorMessage error={error} />
      {analysis?.status === 'running' ? (
        <p role="status">
          {analysis.phase?.startsWith('loading') ? `${t('effectLoading')}${analysis.phase.slice('loading'.length)}` : t('effectEstimating')}{' '}
          … {Math.round(analysis.progress * 100)} % <progress value={analysis.progress} max={1} />
        </p>
      ) : null}
      {analysis?.status === 'failed' ? (
        <p className="alert alert-error" role="alert">
          {analysis.errorCode === 'INTERRUPTED' ? t('effectInterrupted') : `Analysen kunne ikke gennemføres: ${analysis.error}`}
        </p>
      ) : null}
      {analysis?.status === 'done'
        ? analysis.results.map((r) => (
            <article key={r.outcome} className="card">
              <h2>{outcomeText[r.outcome] ?? r.outcome}</h2>
              <p className="lead">{r.summary}</p>
              <p>
                {r.nTreatedMatched} af {r.nTreated} borgere med mentor blev sammenlignet med {r.nControlMatched} forskellige borgere uden
                mentor. Den simple forskel uden sammenligning var {num(r.naiveDifference)}.
              </p>
              <details>
                <summary>Balance (standardiseret forskel før og efter matchning)</summary>
                <table>
                  <caption className="sr-only">Balance</caption>
                  <thead>
                    <tr>
                      <th scope="col">Variabel</th>
                      <th scope="col">Med mentor</th>
                      <th scope="col">Sammenligning</th>
                      <th scope="col">Før</th>
                      <th scope="col">Efter</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.balance.map((b) => (
                      <tr key={b.covariate}>
                        <td>{b.covariate}</td>
                        <td className="num">{num(b.meanTreated)}</td>
                        <td className="num">{num(b.meanControl)}</td>
                        <td className="num">{num(b.smdBefore)}</td>
                        <td className="num">{num(b.smdAfter)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
              <OverlapPlot h={r.scoreHistogram} />
              <p>
                <strong>Følsomhed:</strong> {r.sensitivity.statement}
              </p>
              {r.warnings.length > 0 ? (
                <ul className="alert alert-warning">
                  {r.warnings.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              ) : null}
              <p className="hint">
                Hvad tallet ikke kan vise: Sammenligningen tager kun højde for de oplysninger, der er med. Forskelle i fx motivation,
                helbred eller netværk, som ikke er registreret, kan stadig forklare en del af forskellen.
              </p>
            </article>
          ))
        : null}
    </section>
  );
}
