import { describe, expect, it } from 'vitest';
import { lineError } from './import-line-error.ts';

describe('import line errors: a code and its values, with the English message the API has always sent', () => {
  it('an unknown code names the code and the mapping', () => {
    // A DREAM extract with the code 999, which the dream mapping does not know (R-STAT-1).
    expect(lineError('UNKNOWN_CODE', { code: '999', mapping: 'dream' })).toEqual({
      code: 'UNKNOWN_CODE',
      params: { code: '999', mapping: 'dream' },
      message: "unknown code '999' in the dream mapping",
    });
  });

  it('the other codes keep their sentences', () => {
    expect(lineError('FIELD_COUNT', { expected: 3, found: 2 }).message).toBe('expected 3 fields, found 2');
    expect(lineError('INVALID_CPR', { cprStart: '120385' }).message).toBe("invalid CPR '120385…'");
    expect(lineError('INVALID_ISO_WEEK', { value: '2015-W54' }).message).toBe("'2015-W54' is not an ISO week like 2015-W07");
  });
});
