import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/http.ts';
import { useI18n, type Language } from '../../../app/i18n.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { administrationApi } from '../api-client.ts';
import { allSettings, settingGroups as groups, settingTextKey, type Setting } from '../settings-fields.ts';
import { StatusNote } from '../../../components/status-note.tsx';

type Problem = { field: string; reason: string; min?: number; max?: number };

/** A form value: up to 2 decimals with a decimal comma and no thousands dot (the field parses it back). */
const decimal = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

/** A field's problem in the user's language; limits of a share are shown in %. */
function problemText(language: Language, setting: Setting | undefined, problem: Problem): string {
  const percent = setting?.kind === 'percent';
  const scale = (n: number | undefined) => decimal((n ?? 0) * (percent ? 100 : 1));
  const da = language === 'da';
  switch (problem.reason) {
    case 'NOT_A_NUMBER':
      return da ? 'Skriv et tal, fx 0,5.' : 'Enter a number, for example 0.5.';
    case 'NOT_WHOLE_NUMBER_IN_RANGE':
      return da
        ? `Skal være et helt tal fra ${scale(problem.min)} til ${scale(problem.max)}.`
        : `Must be a whole number from ${scale(problem.min)} to ${scale(problem.max)}.`;
    case 'NOT_NUMBER_IN_RANGE':
      return da
        ? `Skal være et tal fra ${scale(problem.min)} til ${scale(problem.max)}${percent ? ' %' : ''}.`
        : `Must be a number from ${scale(problem.min)} to ${scale(problem.max)}${percent ? ' %' : ''}.`;
    case 'NOT_ONE_OF':
      return da ? 'Vælg en af mulighederne.' : 'Choose one of the options.';
    case 'UNKNOWN_SETTING':
      return da ? 'Ukendt indstilling.' : 'Unknown setting.';
    default:
      return da ? 'Værdien er ikke gyldig.' : 'The value is not valid.';
  }
}

/** The admin's municipal settings (issue 14): Danish labels, validation problems shown at each field. */
export function SettingsPage() {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(() => administrationApi.settings(), []);
  // Kept here: the form is remounted with the stored values after a save.
  const [saved, setSaved] = useState(false);
  return (
    <section>
      <h1>{t('settingsHeading')}</h1>
      <p>{t('settingsIntro')}</p>
      <ErrorMessage error={error} />
      {data ? (
        <SettingsForm
          key={JSON.stringify(data)}
          stored={data}
          saved={saved}
          onSubmit={() => setSaved(false)}
          onSaved={() => {
            setSaved(true);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** The form over the stored settings; remounted (fresh values) each time they are loaded again. */
function SettingsForm({
  stored,
  saved,
  onSubmit,
  onSaved,
}: {
  stored: Record<string, unknown>;
  saved: boolean;
  onSubmit: () => void;
  onSaved: () => void;
}) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(() => {
    const shown: Record<string, string> = {};
    for (const s of allSettings) {
      const v = stored[s.field];
      shown[s.field] = typeof v === 'number' ? decimal(s.kind === 'percent' ? v * 100 : v) : String(v ?? '');
    }
    return shown;
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    onSubmit();
    setSaveError(null);
    const body: Record<string, unknown> = {};
    const local: Problem[] = [];
    for (const s of allSettings) {
      const text = (values[s.field] ?? '').trim();
      if (s.kind === 'choice') body[s.field] = text;
      else {
        const n = Number(text.replace(/\s/g, '').replace(',', '.'));
        if (text === '' || !Number.isFinite(n)) local.push({ field: s.field, reason: 'NOT_A_NUMBER' });
        else body[s.field] = s.kind === 'percent' ? Math.round(n * 100) / 10_000 : n;
      }
    }
    setProblems(local);
    if (local.length > 0) return focusFirst(local);
    setSaving(true);
    try {
      await administrationApi.updateSettings(body);
      onSaved();
    } catch (err) {
      const fields = err instanceof ApiError && Array.isArray(err.details.fields) ? (err.details.fields as Problem[]) : [];
      if (fields.length > 0) {
        setProblems(fields);
        focusFirst(fields);
      } else setSaveError(err);
    } finally {
      setSaving(false);
    }
  }

  const problemOf = (field: string) => problems.find((p) => p.field === field);
  return (
    <form onSubmit={submit} noValidate>
      {problems.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {t('settingsHasProblems')}
        </p>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group.legend} className="card">
          <legend>{t(group.legend)}</legend>
          {group.settings.map((s) => {
            const problem = problemOf(s.field);
            const id = `setting-${s.field}`;
            const describedBy = `${id}-hint${problem ? ` ${id}-error` : ''}`;
            return (
              <div className="field" key={s.field}>
                <label htmlFor={id}>{t(settingTextKey(s.field))}</label>
                {s.kind === 'choice' ? (
                  <select
                    id={id}
                    value={values[s.field] ?? ''}
                    onChange={(ev) => setValues((v) => ({ ...v, [s.field]: ev.target.value }))}
                    aria-describedby={describedBy}
                    aria-invalid={problem ? true : undefined}
                  >
                    {s.options.map((value) => (
                      <option key={value} value={value}>
                        {t(settingTextKey(s.field, value))}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    inputMode={s.kind === 'integer' ? 'numeric' : 'decimal'}
                    value={values[s.field] ?? ''}
                    onChange={(ev) => setValues((v) => ({ ...v, [s.field]: ev.target.value }))}
                    aria-describedby={describedBy}
                    aria-invalid={problem ? true : undefined}
                    className="narrow-input"
                  />
                )}
                <p className="hint" id={`${id}-hint`}>
                  {t(settingTextKey(s.field, 'hint'))}
                </p>
                {problem ? (
                  <p className="field-error" id={`${id}-error`}>
                    {problemText(language, s, problem)}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ))}
      <ErrorMessage error={saveError} />
      <StatusNote text={saved && t('settingsSaved')} />
      <button type="submit" className="primary" disabled={saving}>
        {t('save')}
      </button>
    </form>
  );
}

function focusFirst(problems: Problem[]): void {
  const first = allSettings.find((s) => problems.some((p) => p.field === s.field));
  if (first) document.getElementById(`setting-${first.field}`)?.focus();
}
