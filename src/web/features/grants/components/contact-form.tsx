import { useRef, useState, type FormEvent } from 'react';
import { nextContactDefaults } from '../../../../domain/contact-defaults.ts';
import { contactForms, type ContactForm } from '../../../../domain/legal-regime.ts';
import { danishDateTimeInputOf, instantOfDanishDateTime } from '../../../../domain/danish-format.ts';
import { formatDateTime } from '../../../app/formats.ts';
import { useI18n, type TextKey } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { NumberField, TextField } from '../../../components/text-field.tsx';
import { deliveryApi, type Contact } from '../api-client.ts';
import { StatusNote } from '../../../components/status-note.tsx';

export const contactFormTextKeys: Record<string, TextKey> = {
  physical: 'contactFormPhysical',
  phone: 'contactFormPhone',
  video: 'contactFormVideo',
  message: 'contactFormMessage',
};
export const confirmationTextKeys: Record<string, TextKey> = {
  in_person: 'contactConfirmedInPerson',
  one_time_code: 'contactConfirmedOneTimeCode',
  paper: 'contactConfirmedPaper',
};

/** Defaults for the next contact of a grant: its most recent contact's form and length, never a confirmation. */
export function contactDefaultsOf(contacts: readonly Contact[]): { form: string; minutes: number } {
  return nextContactDefaults(contacts.map((c) => ({ at: c.at, form: c.form as ContactForm, minutes: c.minutes })));
}

/**
 * Logs one contact: time (now in Danish time, rounded to 5 minutes), minutes, form, attendance, note and the
 * citizen's confirmation. Locked while saving (a double tap logs one contact), and reset after saving —
 * the confirmation back to "Ikke bekræftet".
 */
export function ContactForm({
  grant,
  defaults,
  onSaved,
}: {
  grant: { id: number; type: string };
  defaults: { form: string; minutes: number };
  onSaved: (contact: Contact) => void;
}) {
  const { t } = useI18n();
  const [at, setAt] = useState(() => danishDateTimeInputOf(new Date()));
  const [minutes, setMinutes] = useState(defaults.minutes);
  const [form, setForm] = useState(defaults.form);
  const [attended, setAttended] = useState(true);
  const [justification, setJustification] = useState('');
  const [note, setNote] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Contact | null>(null);
  // A double tap must not log two contacts: the button is locked while the request runs (issue 14).
  // The ref closes the gap before the disabled button is rendered.
  const [saving, setSaving] = useState(false);
  const savingNow = useRef(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (savingNow.current) return;
    savingNow.current = true;
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const contact = await deliveryApi.recordContact(grant.id, {
        at: instantOfDanishDateTime(at).toISOString(),
        minutes,
        form,
        attended,
        justification: justification || null,
        note: note || null,
        confirmation: confirmation ? { method: confirmation } : null,
      });
      setSaved(contact);
      // The next contact starts from a clean form: the citizen's confirmation is never carried over.
      setAt(danishDateTimeInputOf(new Date()));
      setMinutes(minutes);
      setForm(form);
      setAttended(true);
      setNote('');
      setJustification('');
      setConfirmation('');
      onSaved(contact);
    } catch (err) {
      setError(err);
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }
  return (
    <form onSubmit={submit} className="card contact-form">
      <div className="row when">
        <TextField id="c-at" label={t('time')} type="datetime-local" value={at} onChange={setAt} required />
        <NumberField
          id="c-minutes"
          label={t('contactMinutes')}
          max="1440"
          value={minutes}
          onChange={(value) => setMinutes(Number(value))}
          required
        />
      </div>
      <fieldset>
        <legend>{t('contactFormLegend')}</legend>
        <div className="segmented">
          {contactForms.map((f) => (
            <label key={f} className={form === f ? 'selected' : ''}>
              <input type="radio" name="c-form" value={f} checked={form === f} onChange={() => setForm(f)} /> {t(contactFormTextKeys[f]!)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="check">
        <input id="c-attended" type="checkbox" checked={attended} onChange={(ev) => setAttended(ev.target.checked)} />
        <label htmlFor="c-attended">{t('contactAttended')}</label>
      </div>
      {form !== 'physical' && grant.type === 'RET_OG_PLIGT' ? (
        <Field id="c-justification" label={t('contactJustification')}>
          <textarea id="c-justification" rows={2} value={justification} onChange={(ev) => setJustification(ev.target.value)} />
        </Field>
      ) : null}
      <div className="row">
        <Field id="c-note" label={t('contactNote')}>
          <input id="c-note" value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={2000} />
        </Field>
        <Field id="c-confirmation" label={t('contactConfirmation')}>
          <select id="c-confirmation" value={confirmation} onChange={(ev) => setConfirmation(ev.target.value)}>
            <option value="">{t('contactNotConfirmed')}</option>
            {Object.entries(confirmationTextKeys).map(([k, key]) => (
              <option key={k} value={k}>
                {t(key)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorMessage error={error} />
      <StatusNote text={saved && `${t('contactSaved')} (${formatDateTime(saved.at)}).`} />
      <button type="submit" className="primary wide" disabled={saving} aria-busy={saving}>
        {t('contactRecord')}
      </button>
    </form>
  );
}
