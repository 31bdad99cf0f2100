import { useState } from 'react';
import { useI18n } from '../../../app/i18n.tsx';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { grantsApi } from '../api-client.ts';
import { formatNumber } from '../../../app/formats.ts';

/** Ranked mentor proposals with their reasons; the caseworker chooses, gives a reason and confirms (issue 3 point 8, issue 14). */
export function MentorProposals({ grantId, onChosen }: { grantId: number; onChosen: () => void }) {
  const { data, error } = useLoad(() => grantsApi.mentorProposals(grantId), [grantId]);
  const [reason, setReason] = useState('');
  const [chooseError, setChooseError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useI18n();
  async function choose(mentorId: number) {
    setChooseError(null);
    setBusy(true);
    try {
      await grantsApi.assignMentor(grantId, { mentorId, reason });
      onChosen();
    } catch (err) {
      setChooseError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="card">
      <summary>{t('mentorProposals')}</summary>
      <ErrorMessage error={error} />
      <Field id="match-reason" label={t('mentorProposalReason')}>
        <input id="match-reason" value={reason} onChange={(ev) => setReason(ev.target.value)} />
      </Field>
      <ErrorMessage error={chooseError} />
      <ol className="proposals">
        {(data?.proposals ?? []).map((p) => (
          <li key={p.mentorId} className={p.eligible ? '' : 'excluded'}>
            <strong>{p.name}</strong>{' '}
            {p.eligible ? (
              <span>
                ({t('mentorProposalPoints')} {formatNumber(p.score)})
              </span>
            ) : null}
            {/* The matching's reasons are written by the server in Danish. */}
            <ul lang="da">
              {p.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {p.eligible ? (
              <ConfirmButton
                label={`${t('mentorProposalChoose')} ${p.name}`}
                question={t('chooseMentorQuestion')}
                details={
                  <p>
                    {p.name} · {reason}
                  </p>
                }
                confirmLabel={t('chooseMentorConfirm')}
                onConfirm={() => void choose(p.mentorId)}
                disabled={reason.trim() === '' || busy}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
