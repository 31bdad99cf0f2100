import { useState } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi } from '../api-client.ts';

const grantTypes = ['GENERAL', 'RET_OG_PLIGT', 'PSYCH_DISCHARGE', 'PRISON_RELEASE', 'COMPANY', 'EDUCATION_INST', 'YOUTH_EDUCATION'];
const respondentText: Record<string, string> = { citizen: 'Borgeren', mentor: 'Mentor', caseworker: 'Sagsbehandler' };
const n = (v: number | null) => (v === null ? '<5' : String(v));
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`);
const dec = (v: number | null) => (v === null ? '–' : v.toLocaleString('da-DK', { maximumFractionDigits: 2 }));

/** "Progression og tilfredshed": the three cohort reports (issue 5 points 5–6), suppressed per R-STAT-1. */
export function FollowUpReportPage() {
  const { e, language } = useI18n();
  const [from, setFrom] = useState('2015-01-01');
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const [type, setType] = useState('');
  const q = { from, to, type };
  const progression = useLoad(() => followUpApi.progressionReport(q), [from, to, type]);
  const satisfaction = useLoad(() => followUpApi.satisfactionReport(q), [from, to, type]);
  const attendance = useLoad(() => followUpApi.attendanceReport(q), [from, to, type]);
  return (
    <section>
      <h1>Progression og tilfredshed</h1>
      <p>Forløb med start i perioden. Tallene beskriver forandring, tilfredshed og fremmøde — ikke om mentorstøtten var årsagen.</p>
      <p><a href="#/follow-up/instruments">Måleredskaber og spørgsmål</a></p>
      <div className="filters">
        <Field id="fu-from" label="Start fra">
          <input id="fu-from" type="date" value={from} onChange={(ev) => ev.target.value && setFrom(ev.target.value)} />
        </Field>
        <Field id="fu-to" label="Start til">
          <input id="fu-to" type="date" value={to} onChange={(ev) => ev.target.value && setTo(ev.target.value)} />
        </Field>
        <Field id="fu-type" label="Type mentorstøtte">
          <select id="fu-type" value={type} onChange={(ev) => setType(ev.target.value)}>
            <option value="">Alle typer</option>
            {grantTypes.map((x) => <option key={x} value={x}>{e(x)}</option>)}
          </select>
        </Field>
      </div>
      <ErrorMessage error={progression.error ?? satisfaction.error ?? attendance.error} />

      <h2>Progression</h2>
      {progression.data ? (
        <>
          <p>{progression.data.instrument.name} (version {progression.data.instrument.version}). {n(progression.data.courses)} forløb, heraf {n(progression.data.coursesWithTwoMeasurements)} med mindst to målinger.</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Progression pr. indikator">
            <table>
              <caption>{progression.data.caption}</caption>
              <thead><tr><th scope="col">Indikator</th><th scope="col">Svarer</th><th scope="col">Forløb</th><th scope="col">Gns. ændring</th><th scope="col">Bedre</th><th scope="col">Uændret</th><th scope="col">Dårligere</th></tr></thead>
              <tbody>
                {progression.data.rows.map((r) => (
                  <tr key={`${r.code}-${r.respondent}`}>
                    <th scope="row">{language === 'da' ? r.labelDa : r.labelEn}</th><td>{respondentText[r.respondent]}</td>
                    <td className="num">{n(r.courses)}</td><td className="num">{dec(r.meanDistance)}</td>
                    <td className="num">{n(r.improved)}</td><td className="num">{n(r.unchanged)}</td><td className="num">{n(r.worse)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>Tilfredshed</h2>
      {satisfaction.data ? (
        <>
          <p>{satisfaction.data.caption}</p>
          {satisfaction.data.groups.map((g) => (
            <div key={g.kind} className="table-scroll" tabIndex={0} role="region" aria-label={g.kind === 'citizen_end' ? 'Borgerens evaluering' : 'Mentors vurdering'}>
              <table>
                <caption>{g.kind === 'citizen_end' ? 'Borgerens evaluering' : 'Mentors vurdering'}: {n(g.responses)} besvarelser af {n(g.endedCourses)} afsluttede forløb (svarprocent {pct(g.responseRate)})</caption>
                <thead><tr><th scope="col">Spørgsmål</th><th scope="col">Svar</th><th scope="col">Gennemsnit</th><th scope="col">Andel ja</th></tr></thead>
                <tbody>
                  {g.questions.map((x) => (
                    <tr key={x.code}><th scope="row">{language === 'da' ? x.textDa : x.textEn}</th><td className="num">{n(x.answers)}</td><td className="num">{dec(x.mean)}</td><td className="num">{x.answerType === 'yes_no' ? pct(x.shareYes) : ''}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      ) : null}

      <h2>Fremmøde</h2>
      {attendance.data ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Fremmøde">
          <table>
            <caption>{attendance.data.caption}</caption>
            <thead><tr><th scope="col">Type</th><th scope="col">Forløb</th><th scope="col">Planlagte kontakter</th><th scope="col">Gennemførte</th><th scope="col">Fremmøde</th><th scope="col">Gns. pr. forløb</th></tr></thead>
            <tbody>
              {[...attendance.data.byType, attendance.data.total].map((r) => (
                <tr key={r.key}><th scope="row">{e(r.key)}</th><td className="num">{n(r.courses)}</td><td className="num">{r.suppressed ? '–' : r.planned}</td><td className="num">{r.suppressed ? '–' : r.attended}</td><td className="num">{pct(r.share)}</td><td className="num">{pct(r.meanCourseShare)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
