import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog.tsx';

/**
 * An irreversible action asks once more before it runs (issue 14): the press opens a modal alert dialog
 * with the question, "yes" and "cancel" (ConfirmDialog: focus kept inside and returned, Escape cancels).
 */
export function ConfirmButton({
  label,
  question,
  details,
  confirmLabel,
  onConfirm,
  disabled,
  primary,
}: {
  label: string;
  question: string;
  details?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  primary?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
      <ConfirmDialog
        open={asking}
        question={question}
        details={details}
        confirmLabel={confirmLabel}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onConfirm();
        }}
      />
    </>
  );
}
