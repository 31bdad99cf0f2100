import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import type { Instrument, Respondent } from '../api-client.ts';
import { followUpApi } from '../api-client.ts';

const respondentText: Record<Respondent, string> = { citizen: 'Borgeren', mentor: 'Mentor', caseworker: 'Sagsbehandler' };
const entryText: Record<string, string> = { in_person: 'Borgerens svar ved mødet', paper: 'Svar fra papirskema', self: 'Egen vurdering' };

/** One measurement on a phone-sized screen: who answers, how the answers came in, one tap per indicator. */
export function MeasurementForm({ grantId, instrument, role, onSaved }: { grantId: number; instrument: Instrument; role: string; onSaved: () => void }) {
  const { language } = useI18n();
  const respondents: Respondent[] = role === 'caseworker' ? ['citizen', 'mentor', 'caseworker'] : ['citizen', 'mentor'];
  const [respondent, setRespondent] = useState<Respondent>('citizen');
  const modes = respondent === 'citizen' ? ['in_person', 'paper'] : respondent === 'mentor' && role === 'caseworker' ? ['paper'] : ['self'];
  const [entryMode, setEntryMode] = useState('in_person');
  const mode = modes.includes(entryMode) ? entryMode : modes[0]!;
  const [measuredOn, setMeasuredOn] = useState(new Date().toISOString().slice(0, 10));
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
      await followUpApi.recordMeasurement(grantId, { measuredOn, respondent, entryMode: mode, instrumentId: instrument.id, values: answered });
      setValues({});
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={submit} className="card measurement-form" aria-labelledby="measurement-form-title">
      <h3 id="measurement-form-title">Ny måling</h3>
      <fieldset>
        <legend>Hvem svarer?</legend>
        <div className="segmented">
          {respondents.map((r) => (
            <label key={r} className={respondent === r ? 'selected' : ''}>
              <input type="radio" name="m-respondent" value={r} checked={respondent === r} onChange={() => setRespondent(r)} /> {respondentText[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="m-entry" label="Hvordan er svarene givet?">
        <select id="m-entry" value={mode} onChange={(ev) => setEntryMode(ev.target.value)}>
          {modes.map((m) => <option key={m} value={m}>{entryText[m]}</option>)}
        </select>
      </Field>
      <Field id="m-date" label="Dato for målingen">
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
                  <input type="radio" name={`m-${indicator.code}`} value={v} checked={values[indicator.code] === v} onChange={() => setValues({ ...values, [indicator.code]: v })} /> {v}
                </label>
              ))}
            </div>
            {anchors ? <p className="hint" id={`m-${indicator.code}-anchors`}>{anchors}</p> : null}
          </fieldset>
        );
      })}
      <ErrorMessage error={error} />
      {saved ? <p role="status" className="ok">Målingen er gemt.</p> : null}
      <button type="submit" className="primary wide">Gem måling</button>
    </form>
  );
}
