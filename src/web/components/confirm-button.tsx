import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n.tsx';

/**
 * An irreversible action asks once more before it runs (issue 14): the first press shows the question
 * with "yes" (focused) and "cancel"; Escape cancels.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  primary,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  primary?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="confirm" onKeyDown={(ev) => ev.key === 'Escape' && setAsking(false)}>
      <span>{question}</span>{' '}
      <button
        ref={yes}
        type="button"
        className="primary"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        disabled={disabled}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
