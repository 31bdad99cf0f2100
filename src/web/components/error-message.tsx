import { ApiError } from '../app/http.ts';
import { useI18n } from '../app/i18n.tsx';
import { FindingList } from './finding-list.tsx';

/** Shows an API error in the user's language; rule findings are listed with their ids. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { error: text, reason } = useI18n();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const code = apiError?.code ?? 'INTERNAL';
  const field = apiError?.details.field;
  return (
    <div className="alert alert-error" role="alert">
      <p>
        {reason(apiError?.details.reason) ?? text(code)}
        {typeof field === 'string' ? ` (${field})` : ''}
      </p>
      {apiError && apiError.findings.length > 0 ? <FindingList findings={apiError.findings} /> : null}
    </div>
  );
}
