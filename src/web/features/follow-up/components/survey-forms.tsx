import { useState, type FormEvent } from 'react';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi, type SurveyKind, type SurveyResponse } from '../api-client.ts';
import { danishDateOf } from '../../../../domain/calendar-date.ts';
import { formatDate } from '../../../app/formats.ts';

const kindTitle: Record<SurveyKind, TextKey> = { citizen_end: 'fuCitizenSurvey', mentor_end: 'fuMentorSurvey' };

function answerText(value: number | boolean | string | undefined, t: (k: TextKey) => string): string {
  if (value === undefined) return '–';
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  return String(value);
}

/** The end-of-course survey and the mentor's assessment: a form until answered, then the answers. */
export function SurveyForms({ grantId, role }: { grantId: number; role: string }) {
  const { t } = useI18n();
  const responses = useLoad(() => followUpApi.surveyResponses(grantId), [grantId]);
  const kinds: SurveyKind[] = ['citizen_end', 'mentor_end'];
  return (
    <section aria-labelledby="surveys-title">
      <h3 id="surveys-title">{t('fuEndEvaluation')}</h3>
      {kinds.map((kind) => {
        const response = responses.data?.responses.find((r) => r.kind === kind) ?? null;
        return response ? (
          <SurveyAnswers key={kind} response={response} />
        ) : (role === 'caseworker' || role === 'mentor') && responses.data ? (
          <SurveyForm key={kind} grantId={grantId} kind={kind} role={role} onSaved={responses.reload} />
        ) : null;
      })}
    </section>
  );
}

function SurveyAnswers({ response }: { response: SurveyResponse }) {
  const { language, t } = useI18n();
  return (
    <div className="card">
      <h4>{t(kindTitle[response.kind])}</h4>
      <p>
        {t('fuAnsweredOn')} {formatDate(response.respondedOn)}, {t('fuEnteredBy')} {response.enteredByName}.
      </p>
      <dl className="facts">
        {response.questions.map((q) => (
          <div key={q.code}>
            <dt>{language === 'da' ? q.textDa : q.textEn}</dt>
            <dd>{answerText(response.answers[q.code], t)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function SurveyForm({ grantId, kind, role, onSaved }: { grantId: number; kind: SurveyKind; role: string; onSaved: () => void }) {
  const { language, t } = useI18n();
  const survey = useLoad(() => followUpApi.survey(kind), [kind]);
  const [answers, setAnswers] = useState<Record<string, number | boolean | string>>({});
  const [respondedOn, setRespondedOn] = useState(danishDateOf(new Date()));
  const modes = kind === 'citizen_end' ? ['paper', 'in_person'] : role === 'mentor' ? ['self'] : ['paper'];
  const [error, setError] = useState<unknown>(null);
  if (!survey.data) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== ''));
      await followUpApi.recordSurveyResponse(grantId, { kind, respondedOn, entryMode: modes[0]!, answers: given });
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  const id = (code: string) => `s-${kind}-${code}`;
  return (
    <details className="card">
      <summary>{t(kindTitle[kind])}</summary>
      <form onSubmit={submit}>
        <Field id={`s-${kind}-date`} label={t('fuDate')}>
          <input id={`s-${kind}-date`} type="date" value={respondedOn} onChange={(ev) => setRespondedOn(ev.target.value)} required />
        </Field>
        {survey.data.questions.map((q) => {
          const text = language === 'da' ? q.textDa : q.textEn;
          if (q.answerType === 'free_text') {
            return (
              <Field key={q.code} id={id(q.code)} label={text}>
                <textarea
                  id={id(q.code)}
                  rows={2}
                  maxLength={2000}
                  value={String(answers[q.code] ?? '')}
                  onChange={(ev) => setAnswers({ ...answers, [q.code]: ev.target.value })}
                />
              </Field>
            );
          }
          const options: { value: number | boolean; label: string }[] =
            q.answerType === 'yes_no'
              ? [
                  { value: true, label: t('yes') },
                  { value: false, label: t('no') },
                ]
              : Array.from({ length: q.scaleMax! - q.scaleMin! + 1 }, (_, i) => ({
                  value: q.scaleMin! + i,
                  label: String(q.scaleMin! + i),
                }));
          return (
            <fieldset key={q.code}>
              <legend>
                {text}
                {q.answerType === 'scale' ? ` (${q.scaleMin} = ${t('fuScaleLow')}, ${q.scaleMax} = ${t('fuScaleHigh')})` : ''}
              </legend>
              <div className="segmented">
                {options.map((o) => (
                  <label key={String(o.value)} className={answers[q.code] === o.value ? 'selected' : ''}>
                    <input
                      type="radio"
                      name={id(q.code)}
                      checked={answers[q.code] === o.value}
                      onChange={() => setAnswers({ ...answers, [q.code]: o.value })}
                    />{' '}
                    {o.label}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <FormSubmit error={error} label={t('fuSaveResponse')} />
      </form>
    </details>
  );
}
