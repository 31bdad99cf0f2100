import { useState, type FormEvent } from 'react';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import type { Respondent } from '../../../../domain/progression.ts';
import type { Instrument } from '../api-client.ts';
import { followUpApi } from '../api-client.ts';
import { danishDateOf } from '../../../../domain/calendar-date.ts';
import { StatusNote } from '../../../components/status-note.tsx';

const respondentKey: Record<Respondent, TextKey> = { citizen: 'fuCitizen', mentor: 'fuMentor', caseworker: 'fuCaseworker' };
const entryKey: Record<string, TextKey> = { in_person: 'fuEntryInPerson', paper: 'fuEntryPaper', self: 'fuEntrySelf' };

/** One measurement on a phone-sized screen: who answers, how the answers came in, one tap per indicator. */
export function MeasurementForm({
  grantId,
  instrument,
  role,
  onSaved,
}: {
  grantId: number;
  instrument: Instrument;
  role: string;
  onSaved: () => void;
}) {
  const { language, t } = useI18n();
  const respondents: Respondent[] = role === 'caseworker' ? ['citizen', 'mentor', 'caseworker'] : ['citizen', 'mentor'];
  const [respondent, setRespondent] = useState<Respondent>('citizen');
  const modes = respondent === 'citizen' ? ['in_person', 'paper'] : respondent === 'mentor' && role === 'caseworker' ? ['paper'] : ['self'];
  const [entryMode, setEntryMode] = useState('in_person');
  const mode = modes.includes(entryMode) ? entryMode : modes[0]!;
  const [measuredOn, setMeasuredOn] = useState(danishDateOf(new Date()));
  const [values, setValues] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const asked = instrument.indicators.filter((x) => x.respondents.includes(respondent));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const answered = Object.fromEntries(Object.entries(values).filter(([code]) => asked.some((x) => x.code === code)));
      await followUpApi.recordMeasurement(grantId, {
        measuredOn,
        respondent,
        entryMode: mode,
        instrumentId: instrument.id,
        values: answered,
      });
      setValues({});
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={submit} className="card measurement-form" aria-labelledby="measurement-form-title">
      <h3 id="measurement-form-title">{t('fuNewMeasurement')}</h3>
      <fieldset>
        <legend>{t('fuWhoAnswers')}</legend>
        <div className="segmented">
          {respondents.map((r) => (
            <label key={r} className={respondent === r ? 'selected' : ''}>
              <input type="radio" name="m-respondent" value={r} checked={respondent === r} onChange={() => setRespondent(r)} />{' '}
              {t(respondentKey[r])}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="m-entry" label={t('fuHowGiven')}>
        <select id="m-entry" value={mode} onChange={(ev) => setEntryMode(ev.target.value)}>
          {modes.map((m) => (
            <option key={m} value={m}>
              {t(entryKey[m]!)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="m-date" label={t('fuMeasuredOn')}>
        <input id="m-date" type="date" value={measuredOn} onChange={(ev) => setMeasuredOn(ev.target.value)} required />
      </Field>
      {asked.map((indicator) => {
        const points = Array.from({ length: indicator.scaleMax - indicator.scaleMin + 1 }, (_, i) => indicator.scaleMin + i);
        const anchors = indicator.anchors.map((a) => `${a.value} = ${language === 'da' ? a.da : a.en}`).join(', ');
        return (
          <fieldset key={indicator.code} className="scale-question" aria-describedby={anchors ? `m-${indicator.code}-anchors` : undefined}>
            <legend>{language === 'da' ? indicator.labelDa : indicator.labelEn}</legend>
            <div className="segmented scale">
              {points.map((v) => (
                <label key={v} className={values[indicator.code] === v ? 'selected' : ''}>
                  <input
                    type="radio"
                    name={`m-${indicator.code}`}
                    value={v}
                    checked={values[indicator.code] === v}
                    onChange={() => setValues({ ...values, [indicator.code]: v })}
                  />{' '}
                  {v}
                </label>
              ))}
            </div>
            {anchors ? (
              <p className="hint" id={`m-${indicator.code}-anchors`}>
                {anchors}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <ErrorMessage error={error} />
      <StatusNote text={saved && t('fuMeasurementSaved')} />
      <button type="submit" className="primary wide">
        {t('fuSaveMeasurement')}
      </button>
    </form>
  );
}
