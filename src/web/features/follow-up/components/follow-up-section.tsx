import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi, type InstrumentProgression, type Progress } from '../api-client.ts';
import { MeasurementForm } from './measurement-form.tsx';
import { SurveyForms } from './survey-forms.tsx';
import { formatDate, formatNumber, formatShare } from '../../../app/formats.ts';
import { DataTable, ScrollRegion } from '../../../components/data-table.tsx';

const respondentKey: Record<string, TextKey> = { citizen: 'fuCitizen', mentor: 'fuMentor', caseworker: 'fuCaseworker' };
const entryKey: Record<string, TextKey> = { in_person: 'fuEntryInPerson', paper: 'fuEntryPaper', self: 'fuEntrySelf' };
const pct = (v: number | null) => formatShare(v, { decimals: 0 });
const signed = (v: number | null) => (v === null ? '–' : v > 0 ? `+${formatNumber(v)}` : formatNumber(v));

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
      <h2 id="progression-title">{t('fuProgression')}</h2>
      <ErrorMessage error={progression.error ?? attendance.error} />
      {attendance.data ? (
        <p className="attendance-figure">
          <strong>{t('fuAttendance')}:</strong> {attendance.data.attended} {t('fuAttendanceOf')} {attendance.data.planned}{' '}
          {t('fuPlannedContacts')} ({pct(attendance.data.share)})
          {attendance.data.missed > 0 ? `, ${t('fuNoShows')} ${attendance.data.missed} ${t('fuTimes')}` : ''}.
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
  const { language, t, e } = useI18n();
  const find = (code: string, respondent: string): Progress | undefined =>
    p.progress.find((x) => x.code === code && x.respondent === respondent);
  const lastRound = Math.max(-1, ...p.disagreements.map((d) => d.round));
  const cell = (x: Progress | undefined) =>
    x && x.first ? `${formatNumber(x.first.value)} → ${formatNumber(x.latest!.value)} (${signed(x.distanceTravelled)})` : '–';
  return (
    <>
      <p>
        {p.instrument.name}, version {p.instrument.version}. {t('fuMeasuredEvery')} {p.instrument.cadenceMonths}. {t('fuMonth')}.{' '}
        {p.measurements.length} {t('fuMeasurements')}.
      </p>
      {p.due ? (
        <p className="alert alert-warning" role="status">
          {t('fuDueSince')} {formatDate(p.due.dueDate)} ({p.due.round === 0 ? t('fuBaseline') : `${p.due.round}. ${t('fuFollowUpRound')}`}).
        </p>
      ) : null}
      <p className="hint">
        {t('fuTableHint')} {p.instrument.disagreementThreshold} {t('fuPoints')}.
      </p>
      <ScrollRegion label={t('fuProgression')}>
        <DataTable
          className="progression"
          caption={t('fuProgression')}
          columns={(['fuIndicator', 'fuCitizen', 'fuMentor', 'fuDifference', 'fuCaseworker'] as TextKey[]).map(t)}
        >
          {p.instrument.indicators.map((x) => {
            const d = p.disagreements.find((y) => y.code === x.code && y.round === lastRound);
            return (
              <tr key={x.code} className={d?.flagged ? 'disagreement' : undefined}>
                {/* The part before ':' is the indicator's name; the full question is in the form. */}
                <th scope="row">{(language === 'da' ? x.labelDa : x.labelEn).split(':')[0]}</th>
                <td>{cell(find(x.code, 'citizen'))}</td>
                <td>{cell(find(x.code, 'mentor'))}</td>
                <td>
                  {d ? (
                    <>
                      {signed(d.difference)}
                      {d.flagged ? <strong> · {t('fuDisagree')}</strong> : null}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{cell(find(x.code, 'caseworker'))}</td>
              </tr>
            );
          })}
        </DataTable>
      </ScrollRegion>
      {p.measurements.length > 0 ? (
        <details>
          <summary>{t('fuMeasurementList')}</summary>
          <ScrollRegion label={t('fuMeasurementList')}>
            <DataTable
              caption={t('fuMeasurementList')}
              columns={(['fuDate', 'fuRound', 'fuRespondent', 'fuHow', 'fuEnteredByHead'] as TextKey[]).map(t)}
            >
              {[...p.measurements].reverse().map((m) => (
                <tr key={m.id}>
                  <td>{formatDate(m.measuredOn)}</td>
                  <td className="num">{m.round}</td>
                  <td>{t(respondentKey[m.respondent]!)}</td>
                  <td>{t(entryKey[m.entryMode] ?? 'fuEntrySelf')}</td>
                  <td>
                    {m.enteredByName} ({e(m.enteredByRole)})
                  </td>
                </tr>
              ))}
            </DataTable>
          </ScrollRegion>
        </details>
      ) : null}
      <details>
        <summary>{t('fuLicence')}</summary>
        <p>{p.instrument.licenceNote}</p>
      </details>
    </>
  );
}
