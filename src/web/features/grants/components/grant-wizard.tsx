import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/http.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { navigate } from '../../../app/router.ts';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { Field } from '../../../components/field.tsx';
import { NumberField } from '../../../components/text-field.tsx';
import { FindingList } from '../../../components/finding-list.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { registersApi } from '../../registers/api-client.ts';
import type { GrantType } from '../../../../domain/mentor-grant.ts';
import { grantsApi, grantTypes, type Check, type GrantBody } from '../api-client.ts';
import { addDays, calendarDateOf } from '../../../../domain/calendar-date.ts';
import { formatDate } from '../../../app/formats.ts';
import { SelectField } from '../../../components/select-field.tsx';

/** Today in Denmark, not in UTC (between 00:00 and 01:00 Danish time UTC is still yesterday). */
const today = () => calendarDateOf(new Date());

/**
 * The grant wizard with the live rule panel: every change is checked (debounced) against the rules. It
 * defaults to the general mentor and lists only the types of the regime on the agreement date (R-REG-1).
 */
/**
 * A new grant (or the next period of one), or — with `editGrantId` — a draft corrected with the same live
 * rule panel (issue 14).
 */
export function GrantWizard({
  citizenId,
  previousGrantId,
  editGrantId = null,
}: {
  citizenId: number;
  previousGrantId: number | null;
  editGrantId?: number | null;
}) {
  const { t, e } = useI18n();
  const mentors = useLoad(() => registersApi.mentors(), []);
  const previous = useLoad(() => (previousGrantId ? grantsApi.get(previousGrantId) : Promise.resolve(null)), [previousGrantId]);
  const editing = useLoad(() => (editGrantId ? grantsApi.get(editGrantId) : Promise.resolve(null)), [editGrantId]);
  const [form, setForm] = useState<GrantBody>({
    citizenId,
    type: 'GENERAL',
    agreedOn: today(),
    startDate: today(),
    endDate: '',
    weeklyHours: 2,
    goal: '',
    tasks: [''],
    mentorId: null,
    // Given by the caseworker, not assumed: the box starts unticked (issue 14).
    complaintGuidance: false,
    needAssessment: '',
    assessmentDate: today(),
    citizenConsent: null,
    dischargeDate: null,
    admissionDate: null,
    previousGrantId,
    justification: '',
  });
  const [check, setCheck] = useState<Check | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);

  // An extension starts from the previous period once it has loaded (state adjusted during render, as
  // React recommends for state derived from loaded data, instead of an effect).
  const [appliedPrevious, setAppliedPrevious] = useState<typeof previous.data>(null);
  if (previous.data && previous.data !== appliedPrevious) {
    const p = previous.data;
    setAppliedPrevious(p);
    const nextStart = addDays(p.actualEndDate ?? p.endDate, 1);
    setForm((f) => ({
      ...f,
      type: p.type,
      mentorId: p.mentorId,
      goal: p.goal,
      tasks: p.tasks,
      weeklyHours: p.weeklyHours,
      startDate: nextStart,
      endDate: '',
      justification: p.justification ?? '',
    }));
  }

  // A draft being corrected starts from what was saved.
  const [appliedDraft, setAppliedDraft] = useState<typeof editing.data>(null);
  if (editing.data && editing.data !== appliedDraft) {
    const d = editing.data;
    setAppliedDraft(d);
    setForm({
      citizenId: d.citizenId,
      type: d.type,
      agreedOn: d.agreedOn,
      startDate: d.startDate,
      endDate: d.endDate,
      weeklyHours: d.weeklyHours,
      goal: d.goal,
      tasks: d.tasks.length > 0 ? d.tasks : [''],
      mentorId: d.mentorId,
      complaintGuidance: d.complaintGuidance,
      needAssessment: d.needAssessment ?? '',
      assessmentDate: d.assessmentDate ?? today(),
      citizenConsent: d.citizenConsent,
      dischargeDate: d.dischargeDate,
      admissionDate: d.admissionDate,
      previousGrantId: d.previousGrantId,
      justification: d.justification ?? '',
    });
  }

  const body = useMemo(() => ({ ...form, tasks: form.tasks.filter((x) => x.trim() !== '') }), [form]);
  useEffect(() => {
    if (!form.agreedOn || !form.startDate) return;
    const timer = setTimeout(() => {
      grantsApi
        .check({ ...body, endDate: body.endDate || body.startDate })
        .then((c) => {
          setCheck(c);
          setCheckError(null);
        })
        .catch((err: unknown) => setCheckError(err));
    }, 300);
    return () => clearTimeout(timer);
  }, [body, form.agreedOn, form.startDate]);

  const set = <K extends keyof GrantBody>(key: K, value: GrantBody[K]) => setForm((f) => ({ ...f, [key]: value }));
  // The chosen type stays listed even when the new agreement date's regime lacks it: R-REG-1 then explains why.
  const typeOptions = check ? grantTypes.filter((g) => check.offeredTypes.includes(g) || g === form.type) : grantTypes;
  const needsDischarge = form.type === 'PSYCH_DISCHARGE';
  const needsAdmission = form.type === 'YOUTH_EDUCATION';
  const needsJustification = form.type === 'COMPANY' || form.type === 'EDUCATION_INST';
  const needsConsent = form.type !== 'RET_OG_PLIGT';

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaveError(null);
    try {
      if (editGrantId) {
        const { citizenId: _citizen, ...changes } = body;
        await grantsApi.update(editGrantId, changes);
        navigate(`/grants/${editGrantId}`);
      } else {
        const grant = await grantsApi.create(body);
        navigate(`/grants/${grant.id}`);
      }
    } catch (err) {
      setSaveError(err);
    }
  }

  return (
    <section>
      <p>
        <a href={`#/citizens/${citizenId}`}>← {t('back')}</a>
      </p>
      <h1>{editGrantId ? t('editDraftHeading') : t('grantWizard')}</h1>
      <div className="wizard">
        <form onSubmit={save} className="wizard-form" aria-describedby="rule-panel">
          <SelectField
            id="g-type"
            label={t('grantType')}
            value={form.type}
            onChange={(v) => set('type', v as GrantType)}
            options={typeOptions}
          />
          <div className="row">
            <Field id="g-agreed" label={t('agreedOn')}>
              <input id="g-agreed" type="date" value={form.agreedOn} onChange={(ev) => set('agreedOn', ev.target.value)} required />
            </Field>
            <Field id="g-start" label={t('startDate')}>
              <input id="g-start" type="date" value={form.startDate} onChange={(ev) => set('startDate', ev.target.value)} required />
            </Field>
            <Field
              id="g-end"
              label={t('endDate')}
              hint={
                check ? (
                  <>
                    {t('suggestedEnd')}: {formatDate(check.suggestedEndDate)}{' '}
                    <button type="button" className="link-button" onClick={() => set('endDate', check.suggestedEndDate)}>
                      {t('useSuggested')}
                    </button>
                  </>
                ) : null
              }
            >
              <input
                id="g-end"
                type="date"
                value={form.endDate}
                onChange={(ev) => set('endDate', ev.target.value)}
                required
                aria-describedby="g-end-hint"
              />
            </Field>
          </div>
          <NumberField
            id="g-hours"
            label={t('weeklyHours')}
            step="0.25"
            value={form.weeklyHours}
            onChange={(hours) => set('weeklyHours', Number(hours))}
            required
          />
          <Field id="g-mentor" label={t('mentor')}>
            <select
              id="g-mentor"
              value={form.mentorId ?? ''}
              onChange={(ev) => set('mentorId', ev.target.value ? Number(ev.target.value) : null)}
            >
              <option value="">{t('chooseMentor')}</option>
              {(mentors.data?.mentors ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} – {m.providerName}
                </option>
              ))}
            </select>
          </Field>
          <Field id="g-goal" label={t('goal')}>
            <textarea id="g-goal" rows={3} value={form.goal} onChange={(ev) => set('goal', ev.target.value)} />
          </Field>
          <fieldset>
            <legend>{t('tasks')}</legend>
            {form.tasks.map((task, i) => (
              <div className="task-row" key={i}>
                <label htmlFor={`g-task-${i}`} className="sr-only">
                  {t('tasks')} {i + 1}
                </label>
                <input
                  id={`g-task-${i}`}
                  value={task}
                  onChange={(ev) =>
                    set(
                      'tasks',
                      form.tasks.map((x, j) => (j === i ? ev.target.value : x)),
                    )
                  }
                />
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    set(
                      'tasks',
                      form.tasks.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={`${t('removeTask')} ${i + 1}`}
                >
                  ✕
                </button>
              </div>
            ))}
            <button type="button" onClick={() => set('tasks', [...form.tasks, ''])}>
              {t('addTask')}
            </button>
          </fieldset>
          <Field id="g-need" label={t('needAssessment')}>
            <textarea id="g-need" rows={2} value={form.needAssessment ?? ''} onChange={(ev) => set('needAssessment', ev.target.value)} />
          </Field>
          <Field id="g-assessed" label={t('assessmentDate')}>
            <input
              id="g-assessed"
              type="date"
              value={form.assessmentDate ?? ''}
              onChange={(ev) => set('assessmentDate', ev.target.value || null)}
            />
          </Field>
          {needsConsent ? (
            <div className="check">
              <input
                id="g-consent"
                type="checkbox"
                checked={form.citizenConsent === true}
                onChange={(ev) => set('citizenConsent', ev.target.checked)}
              />
              <label htmlFor="g-consent">{t('citizenConsent')}</label>
            </div>
          ) : null}
          {needsDischarge ? (
            <Field id="g-discharge" label={t('dischargeDate')}>
              <input
                id="g-discharge"
                type="date"
                value={form.dischargeDate ?? ''}
                onChange={(ev) => set('dischargeDate', ev.target.value || null)}
              />
            </Field>
          ) : null}
          {needsAdmission ? (
            <Field id="g-admission" label={t('admissionDate')}>
              <input
                id="g-admission"
                type="date"
                value={form.admissionDate ?? ''}
                onChange={(ev) => set('admissionDate', ev.target.value || null)}
              />
            </Field>
          ) : null}
          {needsJustification ? (
            <Field id="g-justification" label={t('justification')}>
              <textarea
                id="g-justification"
                rows={2}
                value={form.justification ?? ''}
                onChange={(ev) => set('justification', ev.target.value)}
              />
            </Field>
          ) : null}
          <div className="check">
            <input
              id="g-complaint"
              type="checkbox"
              checked={form.complaintGuidance}
              onChange={(ev) => set('complaintGuidance', ev.target.checked)}
            />
            <label htmlFor="g-complaint">{t('complaintGuidance')}</label>
          </div>
          <FormSubmit error={saveError} label={t('saveDraft')} />
        </form>
        <aside id="rule-panel" className="rule-panel" aria-labelledby="rule-panel-title">
          <h2 id="rule-panel-title">{t('rulePanel')}</h2>
          <div aria-live="polite">
            {check ? (
              <>
                <p className="meta">
                  {t('regime')}: <strong>{check.regime}</strong> · {t('refundClass')}: <strong>{e(check.refundClass)}</strong>
                </p>
                {check.draftRegime ? (
                  <p className="alert alert-warning" role="status" data-draft-regime={check.draftRegime.id}>
                    {t('draftRegimeNotConfirmed')}: {check.draftRegime.name}
                  </p>
                ) : null}
                <FindingList findings={check.findings} />
              </>
            ) : checkError instanceof ApiError ? (
              <ErrorMessage error={checkError} />
            ) : (
              <p>{t('loading')}</p>
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}
