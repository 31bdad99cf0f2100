import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi, type InstrumentProgression, type Progress } from '../api-client.ts';
import { MeasurementForm } from './measurement-form.tsx';
import { SurveyForms } from './survey-forms.tsx';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
const signed = (v: number | null) => (v === null ? '–' : v > 0 ? `+${v}` : String(v));

/** Progression, attendance and end-of-course evaluation of one course (issue 5 points 5–6). */
export function FollowUpSection({ grantId }: { grantId: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const progression = useLoad(() => followUpApi.progression(grantId), [grantId]);
  const attendance = useLoad(() => followUpApi.attendance(grantId), [grantId]);
  const role = user?.role ?? '';
  const canMeasure = role === 'caseworker' || role === 'mentor';
  return (
    <section aria-labelledby="progression-title" className="follow-up">
      <h2 id="progression-title">Progression</h2>
      <ErrorMessage error={progression.error ?? attendance.error} />
      {attendance.data ? (
        <p className="attendance-figure">
          <strong>Fremmøde:</strong> {attendance.data.attended} af {attendance.data.planned} planlagte kontakter ({pct(attendance.data.share)})
          {attendance.data.missed > 0 ? `, udeblevet ${attendance.data.missed} gange` : ''}.
        </p>
      ) : null}
      {progression.data ? (
        progression.data.instruments.map((p) => (
          <div key={p.instrument.key}>
            <InstrumentTable progression={p} />
            {canMeasure ? <MeasurementForm grantId={grantId} instrument={p.instrument} role={role} onSaved={progression.reload} /> : null}
          </div>
        ))
      ) : (
        <p>{t('loading')}</p>
      )}
      <SurveyForms grantId={grantId} role={role} />
    </section>
  );
}

function InstrumentTable({ progression: p }: { progression: InstrumentProgression }) {
  const { language } = useI18n();
  const find = (code: string, respondent: string): Progress | undefined => p.progress.find((x) => x.code === code && x.respondent === respondent);
  const lastRound = Math.max(-1, ...p.disagreements.map((d) => d.round));
  const cell = (x: Progress | undefined) =>
    x && x.first ? `${x.first.value} → ${x.latest!.value} (${signed(x.distanceTravelled)})` : '–';
  return (
    <>
      <p>
        {p.instrument.name}, version {p.instrument.version}. Måles hver {p.instrument.cadenceMonths}. måned. {p.measurements.length} målinger.
      </p>
      {p.due ? <p className="alert alert-warning" role="status">Måling forfalden siden {p.due.dueDate} ({p.due.round === 0 ? 'startmåling' : `${p.due.round}. opfølgning`}).</p> : null}
      <p className="hint">Første → seneste værdi (ændring) pr. indikator. Forskel = mentor − borger i seneste runde; markeret ved uenighed på mindst {p.instrument.disagreementThreshold} point.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Progression pr. indikator">
        <table className="progression">
          <caption className="sr-only">Progression pr. indikator</caption>
          <thead>
            <tr><th scope="col">Indikator</th><th scope="col">Borger</th><th scope="col">Mentor</th><th scope="col">Forskel</th><th scope="col">Sagsbehandler</th></tr>
          </thead>
          <tbody>
            {p.instrument.indicators.map((x) => {
              const d = p.disagreements.find((y) => y.code === x.code && y.round === lastRound);
              return (
                <tr key={x.code} className={d?.flagged ? 'disagreement' : undefined}>
                  {/* The part before ':' is the indicator's name; the full question is in the form. */}
                  <th scope="row">{(language === 'da' ? x.labelDa : x.labelEn).split(':')[0]}</th>
                  <td>{cell(find(x.code, 'citizen'))}</td>
                  <td>{cell(find(x.code, 'mentor'))}</td>
                  <td>{d ? <>{signed(d.difference)}{d.flagged ? <strong> · uenige</strong> : null}</> : '–'}</td>
                  <td>{cell(find(x.code, 'caseworker'))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <details>
        <summary>Licens og kilde</summary>
        <p>{p.instrument.licenceNote}</p>
      </details>
    </>
  );
}
