import { describe, expect, it } from 'vitest';
import { lineErrorText } from './line-error-text.ts';

describe("an import's bad line in the reader's language", () => {
  it('says a coded line error in Danish from its params, keeping the offending value', () => {
    const error = {
      line: 3,
      code: 'UNKNOWN_CODE',
      params: { code: '999', mapping: 'dream' },
      message: "unknown code '999' in the dream mapping",
    };
    expect(lineErrorText('da', error)).toBe("ukendt kode '999' i kodeoversættelsen dream");
    expect(lineErrorText('en', error)).toBe("unknown code '999' in the dream mapping");
  });

  it('says an interrupted import in Danish instead of "cannot be read"', () => {
    const error = {
      line: 0,
      code: 'INTERRUPTED',
      message: 'The servers running it were stopped before it finished; nothing was imported.',
    };
    expect(lineErrorText('da', error)).toBe('Indlæsningen blev afbrudt, før den var færdig; intet blev indlæst. Start den igen.');
  });

  it('still reads an uncoded sentence from the register import and an import stored before codes', () => {
    expect(lineErrorText('da', { line: 4, message: "invalid CPR '120385…'" })).toBe("ugyldigt CPR-nummer '120385…'");
    expect(lineErrorText('da', { line: 5, message: 'expected 3 fields, found 2' })).toBe('forventede 3 felter, fandt 2');
    expect(lineErrorText('da', { line: 6, message: 'something new' })).toBe('linjen kan ikke læses');
  });
});
