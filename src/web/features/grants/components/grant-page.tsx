import { useState, type FormEvent } from 'react';
import { formatDate, formatHours, formatPeriod } from '../../../app/formats.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { navigate } from '../../../app/router.ts';
import { isCalendarDate } from '../../../../domain/calendar-date.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { FormSubmit } from '../../../components/form-submit.tsx';
import { PageLoadError } from '../../../components/page-problem.tsx';
import { Field } from '../../../components/field.tsx';
import { FindingList } from '../../../components/finding-list.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { endReasons, grantsApi, type Grant } from '../api-client.ts';
import { FollowUpSection } from '../../follow-up/components/follow-up-section.tsx';
import { ContactLog } from './contact-log.tsx';
import { MentorProposals } from './mentor-proposals.tsx';
import { SelectField } from '../../../components/select-field.tsx';

export function GrantPage({ grantId }: { grantId: number }) {
  const { t, e } = useI18n();
  const { user } = useSession();
  const { data: grant, error, reload } = useLoad(() => grantsApi.get(grantId), [grantId]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (error) return <PageLoadError error={error} />;
  if (!grant) return <p>{t('loading')}</p>;
  const canAct = user?.role === 'caseworker';

  async function approve() {
    setBusy(true);
    setActionError(null);
    try {
      await grantsApi.approve(grantId);
      reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    setBusy(true);
    setActionError(null);
    try {
      await grantsApi.discard(grantId);
      navigate(`/citizens/${grant!.citizenId}`);
    } catch (err) {
      setActionError(err);
      setBusy(false);
    }
  }

  return (
    <section>
      <p>
        <a href={`#/citizens/${grant.citizenId}`}>← {grant.citizenName}</a>
      </p>
      <h1>
        {e(grant.type)} · {grant.citizenName}
      </h1>
      <p>
        <span className={`badge badge-${grant.status}`}>{e(grant.status)}</span>
      </p>
      <div className="columns">
        <div>
          <dl className="facts">
            <dt>{t('cpr')}</dt>
            <dd>{grant.citizenCprMasked}</dd>
            <dt>{t('period')}</dt>
            <dd>
              {formatPeriod(grant.startDate, grant.endDate)}
              {grant.actualEndDate ? ` (${t('end')}: ${formatDate(grant.actualEndDate)}, ${e(grant.endReason ?? '')})` : ''}
            </dd>
            <dt>{t('agreedOn')}</dt>
            <dd>{formatDate(grant.agreedOn)}</dd>
            <dt>{t('weeklyHours')}</dt>
            <dd>{formatHours(grant.weeklyHours)}</dd>
            <dt>{t('mentor')}</dt>
            <dd>{grant.mentorName ?? '–'}</dd>
            <dt>{t('regime')}</dt>
            <dd>{grant.regime}</dd>
            <dt>{t('refundClass')}</dt>
            <dd>{e(grant.refundClass)}</dd>
            <dt>{t('goal')}</dt>
            <dd>{grant.goal || '–'}</dd>
            <dt>{t('tasks')}</dt>
            <dd>
              {grant.tasks.length > 0 ? (
                <ul>
                  {grant.tasks.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              ) : (
                '–'
              )}
            </dd>
          </dl>
          <p className="actions">
            <a className="button" href={`#/grants/${grant.id}/agreement`}>
              {t('showAgreement')}
            </a>
            <a className="button" href={`/api/grants/${grant.id}/agreement.pdf`} download>
              {t('downloadPdf')}
            </a>
            {canAct && grant.status === 'draft' ? (
              <>
                <ConfirmButton
                  primary
                  label={t('approve')}
                  question={t('approveQuestion')}
                  confirmLabel={t('approveConfirm')}
                  onConfirm={() => void approve()}
                  disabled={busy}
                />
                <a className="button" href={`#/grants/${grant.id}/edit?citizenId=${grant.citizenId}`}>
                  {t('editDraft')}
                </a>
                <ConfirmButton
                  label={t('discardDraft')}
                  question={t('discardDraftQuestion')}
                  confirmLabel={t('discardDraftConfirm')}
                  onConfirm={() => void discard()}
                  disabled={busy}
                />
              </>
            ) : null}
            {canAct && grant.status !== 'draft' ? (
              <a className="button" href={`#/grants/new?citizenId=${grant.citizenId}&previous=${grant.id}`}>
                {t('continueGrant')}
              </a>
            ) : null}
          </p>
          <ErrorMessage error={actionError} />
          {canAct && grant.status === 'approved' ? <EndGrantForm grant={grant} onEnded={reload} /> : null}
          {canAct && grant.status !== 'ended' ? <MentorProposals grantId={grant.id} onChosen={reload} /> : null}
          {grant.status !== 'draft' ? <ContactLog grant={grant} /> : null}
          {grant.status !== 'draft' ? <FollowUpSection grantId={grant.id} /> : null}
        </div>
        <aside className="rule-panel" aria-labelledby="grant-rules">
          <h2 id="grant-rules">{t('rulePanel')}</h2>
          <FindingList findings={grant.findings} />
        </aside>
      </div>
    </section>
  );
}

/** Ending is irreversible (a new period is a new grant): the form asks once more in a dialog (issue 14). */
function EndGrantForm({ grant, onEnded }: { grant: Grant; onEnded: () => void }) {
  const { t, e } = useI18n();
  const [endDate, setEndDate] = useState(grant.endDate);
  const [reason, setReason] = useState('PLANNED_END');
  const [offerStart, setOfferStart] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAsking(true);
  }
  async function end() {
    setAsking(false);
    setBusy(true);
    try {
      await grantsApi.end(grant.id, { endDate, reason, followUpOfferStart: offerStart || null });
      onEnded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="card">
      <summary>{t('endGrant')}</summary>
      <form onSubmit={submit}>
        <Field id="end-date" label={t('endDate')}>
          <input id="end-date" type="date" value={endDate} onChange={(ev) => setEndDate(ev.target.value)} required />
        </Field>
        <SelectField id="end-reason" label={t('reason')} value={reason} onChange={setReason} options={endReasons} />
        {reason === 'READY_FOR_OFFER' ? (
          <Field id="end-offer" label={t('followUpOfferStart')}>
            <input id="end-offer" type="date" value={offerStart} onChange={(ev) => setOfferStart(ev.target.value)} />
          </Field>
        ) : null}
        <FormSubmit error={error} label={t('end')} disabled={busy} />
      </form>
      <ConfirmDialog
        open={asking}
        question={t('endGrantQuestion')}
        details={
          <dl className="facts">
            <dt>{t('endDate')}</dt>
            <dd>{isCalendarDate(endDate) ? formatDate(endDate) : endDate}</dd>
            <dt>{t('reason')}</dt>
            <dd>{e(reason)}</dd>
          </dl>
        }
        confirmLabel={t('endGrantConfirm')}
        onConfirm={() => void end()}
        onCancel={() => setAsking(false)}
      />
    </details>
  );
}
