import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../app/i18n.tsx';

const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * The question before an irreversible action (issue 14), as a modal alert dialog: a native <dialog>
 * opened with showModal (the page behind is inert), role="alertdialog" with its title and question as
 * name and description. Focus starts on "cancel" (the safe choice), Tab stays inside, Escape cancels,
 * and on closing focus returns to what opened it.
 */
export function ConfirmDialog({
  open,
  question,
  details,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  question: string;
  /** What exactly will happen (e.g. the end date and reason), under the question. */
  details?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const questionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
      // The opener may have been replaced (e.g. the page reloaded its data): focus it only while it is still there.
      if (opener.current?.isConnected) opener.current.focus();
    }
  }, [open]);

  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(focusable)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={questionId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Escape: the browser would close the dialog itself; let the owner decide (it closes it).
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{t('confirmTitle')}</h2>
      <p id={questionId}>{question}</p>
      {details ? <div className="confirm-details">{details}</div> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
