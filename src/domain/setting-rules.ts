/**
 * The shape of a municipal setting (domain spec §8.3) as data: one of a list of words, a whole number or
 * a number within limits. The domain validates the stored JSON with it, and the admin's settings page
 * (issue 14) gets one problem per field, which it words in Danish.
 */
export type SettingRule =
  | { field: string; kind: 'oneOf'; values: readonly string[] }
  | { field: string; kind: 'integer'; min: number; max: number }
  | { field: string; kind: 'number'; min: number; max: number }
  /** Absent, null, or text of at most 100 characters matching `pattern` (a phone number, an e-mail address). */
  | { field: string; kind: 'optionalText'; pattern: RegExp; description: string };

export type SettingProblem =
  | { field: string; reason: 'NOT_ONE_OF'; values: readonly string[] }
  | { field: string; reason: 'NOT_WHOLE_NUMBER_IN_RANGE' | 'NOT_NUMBER_IN_RANGE'; min: number; max: number }
  | { field: string; reason: 'NOT_VALID_TEXT'; description: string }
  | { field: string; reason: 'UNKNOWN_SETTING' };

/** The problems of `values` against `rules`, one per field, in the order of the rules. */
export function settingProblems(rules: readonly SettingRule[], values: Record<string, unknown>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const rule of rules) {
    const v = values[rule.field];
    if (rule.kind === 'optionalText') {
      if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > 100 || !rule.pattern.test(v)))
        problems.push({ field: rule.field, reason: 'NOT_VALID_TEXT', description: rule.description });
    } else if (rule.kind === 'oneOf') {
      if (typeof v !== 'string' || !rule.values.includes(v))
        problems.push({ field: rule.field, reason: 'NOT_ONE_OF', values: rule.values });
    } else {
      const fits =
        typeof v === 'number' && Number.isFinite(v) && v >= rule.min && v <= rule.max && (rule.kind === 'number' || Number.isInteger(v));
      if (!fits)
        problems.push({
          field: rule.field,
          reason: rule.kind === 'integer' ? 'NOT_WHOLE_NUMBER_IN_RANGE' : 'NOT_NUMBER_IN_RANGE',
          min: rule.min,
          max: rule.max,
        });
    }
  }
  return problems;
}

/** A problem as the English sentence the API and CLI have always given. */
export function settingProblemMessage(problem: SettingProblem): string {
  switch (problem.reason) {
    case 'NOT_ONE_OF':
      return `${problem.field} must be one of ${problem.values.join(', ')}`;
    case 'NOT_WHOLE_NUMBER_IN_RANGE':
      return `${problem.field} must be a whole number from ${problem.min} to ${problem.max}`;
    case 'NOT_NUMBER_IN_RANGE':
      return `${problem.field} must be between ${problem.min} and ${problem.max}`;
    case 'NOT_VALID_TEXT':
      return `${problem.field} must be ${problem.description}`;
    case 'UNKNOWN_SETTING':
      return `unknown setting '${problem.field}'`;
  }
}
