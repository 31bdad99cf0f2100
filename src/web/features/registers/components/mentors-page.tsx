import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { Field } from '../../../components/field.tsx';
import { NumberField, TextField } from '../../../components/text-field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { registersApi, type Mentor, type Provider } from '../api-client.ts';
import { formatHours } from '../../../app/formats.ts';
import { useSubmit } from '../../../components/use-submit.ts';
import { CheckboxField } from '../../../components/checkbox-field.tsx';
import { StatusNote } from '../../../components/status-note.tsx';

const list = (text: string) =>
  text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

export function MentorsPage() {
  const { t, e } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useLoad(() => registersApi.mentors(), []);
  const providers = useLoad(() => registersApi.providers(), []);
  const [form, setForm] = useState({
    name: '',
    providerId: '',
    phone: '',
    email: '',
    specialties: '',
    languages: 'da',
    qualifications: '',
    capacity: '',
    authority: false,
  });
  const [modules, setModules] = useState<Record<number, string>>({});
  const set = (key: keyof typeof form, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const [editing, setEditing] = useState<Mentor | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const canEdit = user !== null && ['coordinator', 'admin'].includes(user.role);
  const { submit, error: saveError } = useSubmit(async () => {
    await registersApi.createMentor({
      name: form.name,
      providerId: Number(form.providerId),
      phone: form.phone || null,
      email: form.email || null,
      specialties: list(form.specialties),
      languages: list(form.languages),
      qualifications: list(form.qualifications),
      weeklyCapacityHours: form.capacity === '' ? null : Number(form.capacity),
      hasAuthorityRole: form.authority,
      trainingModules: Object.entries(modules)
        .filter(([, d]) => d)
        .map(([m, d]) => ({ module: Number(m), completedOn: d })),
    });
    setForm((f) => ({ ...f, name: '', phone: '', email: '' }));
    setModules({});
    reload();
  });
  return (
    <section>
      <h1>{t('mentors')}</h1>
      <ErrorMessage error={error} />
      <DataTable
        caption={t('mentors')}
        columns={[
          t('name'),
          t('provider'),
          t('specialties'),
          t('languages'),
          t('capacity'),
          t('trainingModules'),
          t('authorityRole'),
          t('status'),
          ...(canEdit ? [<span className="sr-only">{t('editMentor')}</span>] : []),
        ]}
      >
        {(data?.mentors ?? []).map((m) => (
          <tr key={m.id}>
            <td>
              {m.name}
              <br />
              <small>{[m.phone, m.email].filter(Boolean).join(' · ')}</small>
            </td>
            <td>{m.providerName}</td>
            <td>{m.specialties.join(', ') || '–'}</td>
            <td>{m.languages.join(', ') || '–'}</td>
            <td className="num">{formatHours(m.weeklyCapacityHours)}</td>
            <td>{m.trainingModules.map((x) => x.module).join(', ') || '–'}</td>
            <td>{m.hasAuthorityRole ? t('yes') : t('no')}</td>
            <td>{m.active ? t('mentorActive') : t('mentorInactive')}</td>
            {canEdit ? (
              <td>
                <button
                  type="button"
                  onClick={() => {
                    setSaved(null);
                    setEditing(m);
                  }}
                  aria-label={`${t('editMentorHeading')} ${m.name}`}
                >
                  {t('editMentorHeading')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      <StatusNote text={saved} />
      {editing ? (
        <EditMentor
          key={editing.id}
          mentor={editing}
          providers={providers.data?.providers ?? []}
          onCancel={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            setSaved(`${t('mentorSaved')} (${m.name})`);
            reload();
          }}
        />
      ) : null}
      {canEdit ? (
        <details className="card">
          <summary>{t('createMentor')}</summary>
          <form onSubmit={submit} className="grid-form">
            <TextField id="m-name" label={t('name')} value={form.name} onChange={(v) => set('name', v)} required />
            <Field id="m-provider" label={t('provider')}>
              <select id="m-provider" value={form.providerId} onChange={(ev) => set('providerId', ev.target.value)} required>
                <option value="">–</option>
                {(providers.data?.providers ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({e(p.type)})
                  </option>
                ))}
              </select>
            </Field>
            <TextField id="m-phone" label={t('phone')} type="tel" value={form.phone} onChange={(v) => set('phone', v)} />
            <TextField id="m-email" label={t('email')} type="email" value={form.email} onChange={(v) => set('email', v)} />
            {(['specialties', 'languages', 'qualifications'] as const).map((key) => (
              <TextField key={key} id={`m-${key}`} label={t(key)} value={form[key]} onChange={(v) => set(key, v)} />
            ))}
            <NumberField
              id="m-capacity"
              label={t('capacity')}
              max="80"
              step="0.5"
              value={form.capacity}
              onChange={(v) => set('capacity', v)}
            />
            <fieldset>
              <legend>{t('trainingModules')}</legend>
              {[1, 2, 3, 4].map((m) => (
                <div key={m} className="field">
                  <label htmlFor={`m-module-${m}`}>
                    {t('module')} {m} – {t('completedOn')}
                  </label>
                  <input
                    id={`m-module-${m}`}
                    type="date"
                    value={modules[m] ?? ''}
                    onChange={(ev) => setModules((x) => ({ ...x, [m]: ev.target.value }))}
                  />
                </div>
              ))}
            </fieldset>
            <CheckboxField id="m-authority" label={t('authorityRole')} checked={form.authority} onChange={(v) => set('authority', v)} />
            <FormSubmit error={saveError} />
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** A coordinator corrects a mentor (issue 14); only the changed fields are sent. */
function EditMentor({
  mentor,
  providers,
  onCancel,
  onSaved,
}: {
  mentor: Mentor;
  providers: Provider[];
  onCancel: () => void;
  onSaved: (m: Mentor) => void;
}) {
  const { t, e } = useI18n();
  const [form, setForm] = useState({
    name: mentor.name,
    providerId: String(mentor.providerId),
    specialties: mentor.specialties.join(', '),
    languages: mentor.languages.join(', '),
    capacity: mentor.weeklyCapacityHours === null ? '' : String(mentor.weeklyCapacityHours),
    authority: mentor.hasAuthorityRole,
    active: mentor.active,
  });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const changes: Record<string, unknown> = {};
    if (form.name !== mentor.name) changes.name = form.name;
    if (Number(form.providerId) !== mentor.providerId) changes.providerId = Number(form.providerId);
    if (list(form.specialties).join('\n') !== mentor.specialties.join('\n')) changes.specialties = list(form.specialties);
    if (list(form.languages).join('\n') !== mentor.languages.join('\n')) changes.languages = list(form.languages);
    const capacity = form.capacity.trim() === '' ? null : Number(form.capacity.replace(',', '.'));
    if (capacity !== mentor.weeklyCapacityHours) changes.weeklyCapacityHours = capacity;
    if (form.authority !== mentor.hasAuthorityRole) changes.hasAuthorityRole = form.authority;
    if (form.active !== mentor.active) changes.active = form.active;
    setError(null);
    setSaving(true);
    try {
      onSaved(await registersApi.updateMentor(mentor.id, changes));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={submit} className="card grid-form" aria-labelledby="edit-mentor-heading">
      <h2 id="edit-mentor-heading">
        {t('editMentorHeading')} {mentor.name}
      </h2>
      <TextField id="e-name" label={t('name')} value={form.name} onChange={(v) => set('name', v)} required maxLength={200} />
      <Field id="e-provider" label={t('mentorType')}>
        <select id="e-provider" value={form.providerId} onChange={(ev) => set('providerId', ev.target.value)} required>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({e(p.type)})
            </option>
          ))}
        </select>
      </Field>
      {(['specialties', 'languages'] as const).map((key) => (
        <TextField
          key={key}
          id={`e-${key}`}
          label={t(key)}
          hint={t('listHint')}
          value={form[key]}
          onChange={(v) => set(key, v)}
          aria-describedby={`e-${key}-hint`}
        />
      ))}
      <NumberField id="e-capacity" label={t('capacity')} max="80" step="0.5" value={form.capacity} onChange={(v) => set('capacity', v)} />
      <CheckboxField id="e-authority" label={t('authorityRole')} checked={form.authority} onChange={(v) => set('authority', v)} />
      <CheckboxField
        id="e-active"
        label={t('mentorActive')}
        hint={t('mentorActiveHint')}
        checked={form.active}
        onChange={(v) => set('active', v)}
      />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('save')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
