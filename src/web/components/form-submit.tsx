import { useI18n } from '../app/i18n.tsx';
import { ErrorMessage } from './error-message.tsx';

/** The end of a form: what went wrong with the last submit, then the primary submit button ("Gem" unless named). */
export function FormSubmit({ error, label, disabled }: { error: unknown; label?: string; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={disabled}>
        {label ?? t('save')}
      </button>
    </>
  );
}
