import { useState } from 'react';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Field } from '../../../components/field.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { grantsApi } from '../api-client.ts';
import { formatNumber } from '../../../../domain/danish-format.ts';

/** Ranked mentor proposals with their reasons; the caseworker chooses and gives a reason (issue 3 point 8). */
export function MentorProposals({ grantId, onChosen }: { grantId: number; onChosen: () => void }) {
  const { data, error } = useLoad(() => grantsApi.mentorProposals(grantId), [grantId]);
  const [reason, setReason] = useState('');
  const [chooseError, setChooseError] = useState<unknown>(null);
  async function choose(mentorId: number) {
    setChooseError(null);
    try {
      await grantsApi.assignMentor(grantId, { mentorId, reason });
      onChosen();
    } catch (err) {
      setChooseError(err);
    }
  }
  return (
    <details className="card">
      <summary>Forslag til mentor</summary>
      <ErrorMessage error={error} />
      <Field id="match-reason" label="Begrundelse for valget">
        <input id="match-reason" value={reason} onChange={(ev) => setReason(ev.target.value)} />
      </Field>
      <ErrorMessage error={chooseError} />
      <ol className="proposals">
        {(data?.proposals ?? []).map((p) => (
          <li key={p.mentorId} className={p.eligible ? '' : 'excluded'}>
            <strong>{p.name}</strong> {p.eligible ? <span>(point {formatNumber(p.score)})</span> : null}
            <ul>
              {p.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {p.eligible ? (
              <button type="button" onClick={() => void choose(p.mentorId)} disabled={reason.trim() === ''}>
                Vælg {p.name}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
