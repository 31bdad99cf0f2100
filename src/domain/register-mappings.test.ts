import { describe, expect, it } from 'vitest';
import { builtInMappings, parseMappingCsv } from './register-mappings.ts';

describe('register mappings (issue 5 point 1)', () => {
  it('ships the DST mapping as verified and the DREAM template as unverified (§4.4 [U])', () => {
    expect(builtInMappings.dst).toMatchObject({ verified: true });
    expect(builtInMappings.dst.codes['318']).toBe('CASH_BENEFIT_SAME');
    expect(builtInMappings.dream).toMatchObject({ verified: false });
    expect(builtInMappings.dream.name).toMatch(/IKKE VERIFICERET/);
    expect(builtInMappings.dream.codes['891']).toBe('SICKNESS_BENEFIT');
  });

  it('reads a custom mapping with a header, semicolons and Windows line ends', () => {
    expect(parseMappingCsv('code;category\r\n318;CASH_BENEFIT_SAME\r\nA1;EDUCATION\r\n')).toEqual({
      ok: true,
      codes: { '318': 'CASH_BENEFIT_SAME', A1: 'EDUCATION' },
    });
  });

  it('reports an unknown category and a duplicate code with their line numbers', () => {
    const result = parseMappingCsv('code,category\n318,CASH_BENEFIT_SAME\n319,CASH\n318,EDUCATION\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.line, e.message.split(' (')[0]])).toEqual([
      [3, "unknown category 'CASH'"],
      [4, "duplicate code '318'"],
    ]);
  });

  it('refuses an empty mapping', () => {
    expect(parseMappingCsv('code;category\n')).toEqual({ ok: false, errors: [{ line: 1, message: 'the mapping has no codes' }] });
  });
});
