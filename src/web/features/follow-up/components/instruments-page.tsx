import { useState, type FormEvent } from 'react';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { followUpApi, type Indicator, type Instrument, type SurveyKind, type SurveyQuestion } from '../api-client.ts';
import { DataTable, ScrollRegion } from '../../../components/data-table.tsx';

const respondentText: Record<string, string> = { citizen: 'Borgeren', mentor: 'Mentor', caseworker: 'Sagsbehandler' };
const answerTypeText: Record<string, string> = { scale: 'Skala', yes_no: 'Ja/nej', free_text: 'Fritekst' };

/** Progression instruments and end-of-course questions (domain spec §8.3): read by all, changed by coordinators and admins. */
export function InstrumentsPage() {
  const { user } = useSession();
  const canEdit = user?.role === 'coordinator' || user?.role === 'admin';
  const instruments = useLoad(() => followUpApi.instruments(), []);
  const latest = new Map<string, Instrument>();
  for (const i of instruments.data?.instruments ?? []) if ((latest.get(i.key)?.version ?? 0) < i.version) latest.set(i.key, i);
  return (
    <section>
      <p>
        <a href="#/reports/follow-up">← Progression og tilfredshed</a>
      </p>
      <h1>Måleredskaber og spørgsmål</h1>
      <ErrorMessage error={instruments.error} />
      {[...latest.values()].map((i) => (
        <InstrumentCard key={i.key} instrument={i} canEdit={canEdit} onSaved={instruments.reload} />
      ))}
      <h2>Spørgsmål ved forløbets afslutning</h2>
      <SurveyQuestions kind="citizen_end" title="Borgerens evaluering" canEdit={canEdit} />
      <SurveyQuestions kind="mentor_end" title="Mentors vurdering" canEdit={canEdit} />
    </section>
  );
}

function InstrumentCard({ instrument, canEdit, onSaved }: { instrument: Instrument; canEdit: boolean; onSaved: () => void }) {
  return (
    <div className="card">
      <h2>{instrument.name}</h2>
      <p>
        Version {instrument.version} · måles hver {instrument.cadenceMonths}. måned · uenighed markeres ved{' '}
        {instrument.disagreementThreshold} point · {instrument.measurementCount} målinger med denne version.
      </p>
      <p className="hint">{instrument.licenceNote}</p>
      <ScrollRegion label={`Indikatorer i ${instrument.name}`}>
        <DataTable caption={`Indikatorer i ${instrument.name}`} columns={['Kode', 'Indikator', 'Spørges', 'Skala', 'Ankre']}>
          {instrument.indicators.map((x) => (
            <tr key={x.code}>
              <td>
                <code>{x.code}</code>
              </td>
              <td>{x.labelDa}</td>
              <td>{x.respondents.map((r) => respondentText[r]).join(', ')}</td>
              <td className="num">
                {x.scaleMin}–{x.scaleMax}
              </td>
              <td>{x.anchors.map((a) => `${a.value} = ${a.da}`).join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      </ScrollRegion>
      {canEdit ? <NewVersionForm instrument={instrument} onSaved={onSaved} /> : null}
    </div>
  );
}

function NewVersionForm({ instrument, onSaved }: { instrument: Instrument; onSaved: () => void }) {
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
      <summary>Opret ny version</summary>
      <form onSubmit={submit}>
        <p className="hint">En version med målinger ændres aldrig; ændringer gemmes som version {instrument.version + 1}.</p>
        <Field id={`${id}-cadence`} label="Måneder mellem målinger">
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
        <Field id={`${id}-threshold`} label="Uenighed markeres ved (point)">
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
            <legend>{x.labelDa || `Indikator ${i + 1}`}</legend>
            <Field id={`${id}-${x.code}-da`} label="Dansk tekst">
              <input id={`${id}-${x.code}-da`} value={x.labelDa} onChange={(ev) => set(i, { labelDa: ev.target.value })} />
            </Field>
            <Field id={`${id}-${x.code}-en`} label="Engelsk tekst">
              <input id={`${id}-${x.code}-en`} value={x.labelEn} onChange={(ev) => set(i, { labelEn: ev.target.value })} />
            </Field>
          </fieldset>
        ))}
        <ErrorMessage error={error} />
        <button type="submit" className="primary">
          Gem ny version
        </button>
      </form>
    </details>
  );
}

function SurveyQuestions({ kind, title, canEdit }: { kind: SurveyKind; title: string; canEdit: boolean }) {
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
        {title} (version {survey.data.version === 0 ? 'standard' : survey.data.version})
      </h3>
      <ol>
        {survey.data.questions.map((q) => (
          <li key={q.code}>
            {q.textDa}{' '}
            <small>
              ({answerTypeText[q.answerType]}
              {q.answerType === 'scale' ? ` ${q.scaleMin}–${q.scaleMax}` : ''})
            </small>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <details>
          <summary>Ret spørgsmål</summary>
          <form onSubmit={submit}>
            {questions.map((q, i) => (
              <Field key={q.code} id={`q-${kind}-${q.code}`} label={`Spørgsmål ${i + 1}, dansk tekst`}>
                <input id={`q-${kind}-${q.code}`} value={q.textDa} onChange={(ev) => set(i, { textDa: ev.target.value })} />
              </Field>
            ))}
            <ErrorMessage error={error} />
            <button type="submit" className="primary">
              Gem spørgsmål
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
