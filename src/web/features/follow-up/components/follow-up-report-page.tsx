import { useState, type ReactNode } from 'react';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi } from '../api-client.ts';
import { danishDateOf } from '../../../../domain/calendar-date.ts';
import { formatNumber, formatShare } from '../../../app/formats.ts';
import { SelectField } from '../../../components/select-field.tsx';
import { ScrollRegion } from '../../../components/data-table.tsx';

const grantTypes = ['GENERAL', 'RET_OG_PLIGT', 'PSYCH_DISCHARGE', 'PRISON_RELEASE', 'COMPANY', 'EDUCATION_INST', 'YOUTH_EDUCATION'];
const respondentKey: Record<string, TextKey> = { citizen: 'fuCitizen', mentor: 'fuMentor', caseworker: 'fuCaseworker' };
const n = (v: number | null) => (v === null ? '<5' : String(v));
const pct = (v: number | null) => formatShare(v);
const dec = (v: number | null) => formatNumber(v);

/** A report row: its heading cell, then any text cells, then the figures (right-aligned). */
function ReportRow({ header, labels = [], numbers }: { header: ReactNode; labels?: ReactNode[]; numbers: ReactNode[] }) {
  return (
    <tr>
      <th scope="row">{header}</th>
      {labels.map((label, i) => (
        <td key={`l${i}`}>{label}</td>
      ))}
      {numbers.map((value, i) => (
        <td key={`n${i}`} className="num">
          {value}
        </td>
      ))}
    </tr>
  );
}

/** "Progression og tilfredshed": the three cohort reports (issue 5 points 5–6), suppressed per R-STAT-1. */
export function FollowUpReportPage() {
  const { e, t, language } = useI18n();
  const head = (keys: TextKey[]) => (
    <tr>
      {keys.map((k) => (
        <th key={k} scope="col">
          {t(k)}
        </th>
      ))}
    </tr>
  );
  const [from, setFrom] = useState('2015-01-01');
  const [to, setTo] = useState(danishDateOf(new Date()));
  const [type, setType] = useState('');
  const q = { from, to, type };
  const progression = useLoad(() => followUpApi.progressionReport(q), [from, to, type]);
  const satisfaction = useLoad(() => followUpApi.satisfactionReport(q), [from, to, type]);
  const attendance = useLoad(() => followUpApi.attendanceReport(q), [from, to, type]);
  return (
    <section>
      <h1>{t('followUpReports')}</h1>
      <p>{t('fuReportIntro')}</p>
      <p>
        <a href="#/follow-up/instruments">{t('fuInstrumentsLink')}</a>
      </p>
      <div className="filters">
        <Field id="fu-from" label={t('fuStartFrom')}>
          <input id="fu-from" type="date" value={from} onChange={(ev) => ev.target.value && setFrom(ev.target.value)} />
        </Field>
        <Field id="fu-to" label={t('fuStartTo')}>
          <input id="fu-to" type="date" value={to} onChange={(ev) => ev.target.value && setTo(ev.target.value)} />
        </Field>
        <SelectField id="fu-type" label={t('grantType')} value={type} onChange={setType} options={grantTypes} blank={t('fuAllTypes')} />
      </div>
      <ErrorMessage error={progression.error ?? satisfaction.error ?? attendance.error} />

      <h2>{t('fuProgression')}</h2>
      {progression.data ? (
        <>
          <p>
            {progression.data.instrument.name} (version {progression.data.instrument.version}). {t('fuCourses')}:{' '}
            {n(progression.data.courses)}, {n(progression.data.coursesWithTwoMeasurements)} {t('fuWithTwo')}.
          </p>
          <ScrollRegion label={t('fuProgression')}>
            <table>
              {/* The report captions are written by the server in Danish (TODO(#14): English captions). */}
              <caption lang="da">{progression.data.caption}</caption>
              <thead>{head(['fuIndicator', 'fuRespondent', 'fuCourses', 'fuMeanChange', 'fuImproved', 'fuUnchanged', 'fuWorse'])}</thead>
              <tbody>
                {progression.data.rows.map((r) => (
                  <ReportRow
                    key={`${r.code}-${r.respondent}`}
                    header={language === 'da' ? r.labelDa : r.labelEn}
                    labels={[t(respondentKey[r.respondent]!)]}
                    numbers={[n(r.courses), dec(r.meanDistance), n(r.improved), n(r.unchanged), n(r.worse)]}
                  />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}

      <h2>{t('fuSatisfaction')}</h2>
      {satisfaction.data ? (
        <>
          <p lang="da">{satisfaction.data.caption}</p>
          {satisfaction.data.groups.map((g) => (
            <ScrollRegion key={g.kind} label={t(g.kind === 'citizen_end' ? 'fuCitizenSurvey' : 'fuMentorSurvey')}>
              <table>
                <caption>
                  {t(g.kind === 'citizen_end' ? 'fuCitizenSurvey' : 'fuMentorSurvey')}: {n(g.responses)} {t('fuResponses')}{' '}
                  {t('fuAttendanceOf')} {n(g.endedCourses)} {t('fuEndedCourses')} ({t('fuResponseRate')} {pct(g.responseRate)})
                </caption>
                <thead>{head(['fuQuestion', 'fuAnswers', 'fuMean', 'fuShareYes'])}</thead>
                <tbody>
                  {g.questions.map((x) => (
                    <ReportRow
                      key={x.code}
                      header={language === 'da' ? x.textDa : x.textEn}
                      numbers={[n(x.answers), dec(x.mean), x.answerType === 'yes_no' ? pct(x.shareYes) : '']}
                    />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ))}
        </>
      ) : null}

      <h2>{t('fuAttendance')}</h2>
      {attendance.data ? (
        <ScrollRegion label={t('fuAttendance')}>
          <table>
            <caption lang="da">{attendance.data.caption}</caption>
            <thead>{head(['fuType', 'fuCourses', 'fuPlanned', 'fuAttended', 'fuAttendance', 'fuMeanPerCourse'])}</thead>
            <tbody>
              {[...attendance.data.byType, attendance.data.total].map((r) => (
                <ReportRow
                  key={r.key}
                  header={e(r.key)}
                  numbers={[
                    n(r.courses),
                    r.suppressed ? '–' : r.planned,
                    r.suppressed ? '–' : r.attended,
                    pct(r.share),
                    pct(r.meanCourseShare),
                  ]}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
