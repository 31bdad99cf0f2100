import { useState, type FormEvent } from 'react';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi, type Indicator, type Instrument, type SurveyKind, type SurveyQuestion } from '../api-client.ts';
import { DataTable, ScrollRegion } from '../../../components/data-table.tsx';

const respondentText: Record<string, TextKey> = {
  citizen: 'insRespondentCitizen',
  mentor: 'insRespondentMentor',
  caseworker: 'insRespondentCaseworker',
};
const answerTypeText: Record<string, TextKey> = { scale: 'insScale', yes_no: 'insYesNo', free_text: 'insFreeText' };

/** Progression instruments and end-of-course questions (domain spec §8.3): read by all, changed by coordinators and admins. */
export function InstrumentsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const canEdit = user?.role === 'coordinator' || user?.role === 'admin';
  const instruments = useLoad(() => followUpApi.instruments(), []);
  const latest = new Map<string, Instrument>();
  for (const i of instruments.data?.instruments ?? []) if ((latest.get(i.key)?.version ?? 0) < i.version) latest.set(i.key, i);
  return (
    <section>
      <p>
        <a href="#/reports/follow-up">← {t('followUpReports')}</a>
      </p>
      <h1>{t('insHeading')}</h1>
      <ErrorMessage error={instruments.error} />
      {[...latest.values()].map((i) => (
        <InstrumentCard key={i.key} instrument={i} canEdit={canEdit} onSaved={instruments.reload} />
      ))}
      <h2>{t('insEndQuestions')}</h2>
      <SurveyQuestions kind="citizen_end" title={t('insCitizenSurvey')} canEdit={canEdit} />
      <SurveyQuestions kind="mentor_end" title={t('insMentorSurvey')} canEdit={canEdit} />
    </section>
  );
}

function InstrumentCard({ instrument, canEdit, onSaved }: { instrument: Instrument; canEdit: boolean; onSaved: () => void }) {
  const { t, language } = useI18n();
  return (
    <div className="card">
      {/* The instrument's name and licence note are the municipality's own Danish texts. */}
      <h2 lang="da">{instrument.name}</h2>
      <p>
        {t('insVersion')} {instrument.version} · {t('insMeasuredEvery')} {instrument.cadenceMonths}
        {t('insMonthSuffix')} · {t('insDisagreementAt')} {instrument.disagreementThreshold} {t('fuPoints')} · {instrument.measurementCount}{' '}
        {t('insMeasurementsWithVersion')}
      </p>
      <p className="hint" lang="da">
        {instrument.licenceNote}
      </p>
      <ScrollRegion label={`${t('insIndicatorsIn')} ${instrument.name}`}>
        <DataTable
          caption={`${t('insIndicatorsIn')} ${instrument.name}`}
          columns={[t('insCode'), t('fuIndicator'), t('insAsked'), t('insScale'), t('insAnchors')]}
        >
          {instrument.indicators.map((x) => (
            <tr key={x.code}>
              <td>
                <code>{x.code}</code>
              </td>
              <td>{language === 'da' ? x.labelDa : x.labelEn}</td>
              <td>{x.respondents.map((r) => (respondentText[r] ? t(respondentText[r]!) : r)).join(', ')}</td>
              <td className="num">
                {x.scaleMin}–{x.scaleMax}
              </td>
              <td>{x.anchors.map((a) => `${a.value} = ${language === 'da' ? a.da : a.en}`).join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      </ScrollRegion>
      {canEdit ? <NewVersionForm instrument={instrument} onSaved={onSaved} /> : null}
    </div>
  );
}

function NewVersionForm({ instrument, onSaved }: { instrument: Instrument; onSaved: () => void }) {
  const { t, language } = useI18n();
  const [cadenceMonths, setCadence] = useState(instrument.cadenceMonths);
  const [threshold, setThreshold] = useState(instrument.disagreementThreshold);
  const [indicators, setIndicators] = useState<Indicator[]>(instrument.indicators);
  const [error, setError] = useState<unknown>(null);
  const set = (i: number, patch: Partial<Indicator>) => setIndicators(indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const id = `v-${instrument.key}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await followUpApi.createInstrument({
        name: instrument.name,
        licenceNote: instrument.licenceNote,
        cadenceMonths,
        disagreementThreshold: threshold,
        indicators,
        basedOn: instrument.id,
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details>
      <summary>{t('insNewVersion')}</summary>
      <form onSubmit={submit}>
        <p className="hint">
          {t('insNewVersionHint')} {instrument.version + 1}.
        </p>
        <Field id={`${id}-cadence`} label={t('insCadence')}>
          <input
            id={`${id}-cadence`}
            type="number"
            min={1}
            max={24}
            value={cadenceMonths}
            onChange={(ev) => setCadence(Number(ev.target.value))}
            required
          />
        </Field>
        <Field id={`${id}-threshold`} label={t('insThreshold')}>
          <input
            id={`${id}-threshold`}
            type="number"
            min={1}
            max={100}
            value={threshold}
            onChange={(ev) => setThreshold(Number(ev.target.value))}
            required
          />
        </Field>
        {indicators.map((x, i) => (
          <fieldset key={x.code}>
            <legend>{(language === 'da' ? x.labelDa : x.labelEn) || `${t('fuIndicator')} ${i + 1}`}</legend>
            <Field id={`${id}-${x.code}-da`} label={t('insDanishText')}>
              <input id={`${id}-${x.code}-da`} value={x.labelDa} onChange={(ev) => set(i, { labelDa: ev.target.value })} />
            </Field>
            <Field id={`${id}-${x.code}-en`} label={t('insEnglishText')}>
              <input id={`${id}-${x.code}-en`} value={x.labelEn} onChange={(ev) => set(i, { labelEn: ev.target.value })} />
            </Field>
          </fieldset>
        ))}
        <ErrorMessage error={error} />
        <button type="submit" className="primary">
          {t('insSaveVersion')}
        </button>
      </form>
    </details>
  );
}

function SurveyQuestions({ kind, title, canEdit }: { kind: SurveyKind; title: string; canEdit: boolean }) {
  const { t, language } = useI18n();
  const survey = useLoad(() => followUpApi.survey(kind), [kind]);
  const [draft, setDraft] = useState<SurveyQuestion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!survey.data) return <ErrorMessage error={survey.error} />;
  const questions = draft ?? survey.data.questions;
  const set = (i: number, patch: Partial<SurveyQuestion>) => setDraft(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await followUpApi.updateSurvey(kind, questions);
      setDraft(null);
      survey.reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="card">
      <h3>
        {title} ({t('insVersion').toLowerCase()} {survey.data.version === 0 ? t('insStandard') : survey.data.version})
      </h3>
      <ol>
        {survey.data.questions.map((q) => (
          <li key={q.code}>
            {language === 'da' ? q.textDa : q.textEn}{' '}
            <small>
              ({answerTypeText[q.answerType] ? t(answerTypeText[q.answerType]!) : q.answerType}
              {q.answerType === 'scale' ? ` ${q.scaleMin}–${q.scaleMax}` : ''})
            </small>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <details>
          <summary>{t('insEditQuestions')}</summary>
          <form onSubmit={submit}>
            {questions.map((q, i) => (
              <Field key={q.code} id={`q-${kind}-${q.code}`} label={`${t('fuQuestion')} ${i + 1}, ${t('insQuestionDanish')}`}>
                <input id={`q-${kind}-${q.code}`} value={q.textDa} onChange={(ev) => set(i, { textDa: ev.target.value })} />
              </Field>
            ))}
            <ErrorMessage error={error} />
            <button type="submit" className="primary">
              {t('insSaveQuestions')}
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
