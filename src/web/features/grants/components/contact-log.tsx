import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { FindingList } from '../../../components/finding-list.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { deliveryApi, type Grant } from '../api-client.ts';

const forms = ['physical', 'phone', 'video', 'message'];
const formText: Record<string, string> = { physical: 'Fysisk møde', phone: 'Telefon', video: 'Video', message: 'Besked' };
const confirmationText: Record<string, string> = { in_person: 'Bekræftet ved mødet', one_time_code: 'Engangskode', paper: 'På papir' };

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Logs a contact in under a minute on a phone-sized screen; shows the contact log and delivery control. */
export function ContactLog({ grant }: { grant: Grant }) {
  const { t } = useI18n();
  const contacts = useLoad(() => deliveryApi.contacts(grant.id), [grant.id]);
  const compliance = useLoad(() => deliveryApi.compliance(grant.id), [grant.id]);
  const [at, setAt] = useState(localNow);
  const [minutes, setMinutes] = useState(60);
  const [form, setForm] = useState('physical');
  const [attended, setAttended] = useState(true);
  const [justification, setJustification] = useState('');
  const [note, setNote] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  // A double tap must not log two contacts: the button is locked while the request runs (issue 14).
  const [saving, setSaving] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await deliveryApi.recordContact(grant.id, {
        at: new Date(at).toISOString(),
        minutes,
        form,
        attended,
        justification: justification || null,
        note: note || null,
        confirmation: confirmation ? { method: confirmation } : null,
      });
      setSaved(true);
      // The next contact starts from a clean form: the citizen's confirmation is never carried over.
      setAt(localNow());
      setMinutes(60);
      setForm('physical');
      setAttended(true);
      setNote('');
      setJustification('');
      setConfirmation('');
      contacts.reload();
      compliance.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">Kontakter</h2>
      <form onSubmit={submit} className="card contact-form">
        <Field id="c-at" label="Tidspunkt">
          <input id="c-at" type="datetime-local" value={at} onChange={(ev) => setAt(ev.target.value)} required />
        </Field>
        <Field id="c-minutes" label="Minutter">
          <input
            id="c-minutes"
            type="number"
            inputMode="numeric"
            min="0"
            max="1440"
            value={minutes}
            onChange={(ev) => setMinutes(Number(ev.target.value))}
            required
          />
        </Field>
        <fieldset>
          <legend>Kontaktform</legend>
          <div className="segmented">
            {forms.map((f) => (
              <label key={f} className={form === f ? 'selected' : ''}>
                <input type="radio" name="c-form" value={f} checked={form === f} onChange={() => setForm(f)} /> {formText[f]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="check">
          <input id="c-attended" type="checkbox" checked={attended} onChange={(ev) => setAttended(ev.target.checked)} />
          <label htmlFor="c-attended">Borgeren mødte op</label>
        </div>
        {form !== 'physical' && grant.type === 'RET_OG_PLIGT' ? (
          <Field id="c-justification" label="Særlige omstændigheder (krævet for ikke-fysisk kontakt)">
            <textarea id="c-justification" rows={2} value={justification} onChange={(ev) => setJustification(ev.target.value)} />
          </Field>
        ) : null}
        <Field id="c-note" label="Kort note">
          <input id="c-note" value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={2000} />
        </Field>
        <Field id="c-confirmation" label="Borgerens bekræftelse">
          <select id="c-confirmation" value={confirmation} onChange={(ev) => setConfirmation(ev.target.value)}>
            <option value="">Ikke bekræftet</option>
            {Object.entries(confirmationText).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <ErrorMessage error={error} />
        {saved ? (
          <p role="status" className="ok">
            Kontakten er registreret.
          </p>
        ) : null}
        <button type="submit" className="primary wide" disabled={saving} aria-busy={saving}>
          Registrér kontakt
        </button>
      </form>

      <h3>Leverancekontrol</h3>
      {compliance.data ? <FindingList findings={compliance.data.findings} /> : <p>{t('loading')}</p>}
      {compliance.data && compliance.data.hours.length > 0 ? (
        <table>
          <caption className="sr-only">Timer pr. uge</caption>
          <thead>
            <tr>
              <th scope="col">Uge</th>
              <th scope="col">Bevilget</th>
              <th scope="col">Registreret</th>
              <th scope="col">Bekræftet</th>
            </tr>
          </thead>
          <tbody>
            {compliance.data.hours.slice(-12).map((h) => (
              <tr key={h.week}>
                <td>{h.week}</td>
                <td className="num">{h.granted}</td>
                <td className="num">{h.logged}</td>
                <td className="num">{h.confirmed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h3>Kontaktlog</h3>
      {contacts.data && contacts.data.contacts.length > 0 ? (
        <table>
          <caption className="sr-only">Kontaktlog</caption>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Form</th>
              <th scope="col">Minutter</th>
              <th scope="col">Fremmøde</th>
              <th scope="col">Bekræftelse</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {[...contacts.data.contacts].reverse().map((c) => (
              <tr key={c.id}>
                <td>{new Date(c.at).toLocaleString('da-DK')}</td>
                <td>{formText[c.form]}</td>
                <td className="num">{c.minutes}</td>
                <td>{c.attended ? 'Ja' : 'Udeblev'}</td>
                <td>{c.confirmationMethod ? confirmationText[c.confirmationMethod] : '–'}</td>
                <td>{c.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Ingen kontakter registreret.</p>
      )}
    </section>
  );
}
