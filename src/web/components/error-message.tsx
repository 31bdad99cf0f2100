import { ApiError } from '../app/http.ts';
import { fieldLabel } from '../app/field-labels.ts';
import { useI18n, type TextKey } from '../app/i18n.tsx';
import { FindingList } from './finding-list.tsx';

/** A schema problem's keyword (ajv) → what is wrong with the field, in the user's words. */
const problemTextKeys: Record<string, TextKey> = {
  required: 'fieldProblemRequired',
  minLength: 'fieldProblemRequired',
  minItems: 'fieldProblemRequired',
  type: 'fieldProblemFormat',
  format: 'fieldProblemFormat',
  pattern: 'fieldProblemFormat',
  minimum: 'fieldProblemRange',
  maximum: 'fieldProblemRange',
  exclusiveMinimum: 'fieldProblemRange',
  exclusiveMaximum: 'fieldProblemRange',
  maxLength: 'fieldProblemTooLong',
  maxItems: 'fieldProblemTooLong',
  const: 'fieldProblemChoice',
  enum: 'fieldProblemChoice',
  anyOf: 'fieldProblemChoice',
};

/**
 * Shows an API error in the user's language; rule findings are listed with their ids. A field the error
 * names is shown by its form label ("Samarbejde: skal udfyldes"), never by its request path; a field
 * without a known label is left out.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { error: text, reason, t, language } = useI18n();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const code = apiError?.code ?? 'INTERNAL';
  const firstProblem = Array.isArray(apiError?.details.problems)
    ? (apiError.details.problems[0] as { field?: unknown; problem?: unknown } | undefined)
    : undefined;
  const label = fieldLabel(apiError?.details.field ?? firstProblem?.field, language);
  const problemKey = typeof firstProblem?.problem === 'string' ? problemTextKeys[firstProblem.problem] : undefined;
  const message = reason(apiError?.details.reason) ?? text(code);
  return (
    <div className="alert alert-error" role="alert">
      <p>{label ? `${label}: ${problemKey ? t(problemKey) : message}` : message}</p>
      {apiError && apiError.findings.length > 0 ? <FindingList findings={apiError.findings} /> : null}
    </div>
  );
}
