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

  it('says a file that broke off in Danish, after its last line or where it was not counted', () => {
    const after = { line: 1202, code: 'SOURCE_BROKE_OFF', params: { afterLine: 1201 }, message: 'the file broke off after line 1201' };
    expect(lineErrorText('da', after)).toBe('filen blev afbrudt efter linje 1201 og blev ikke læst til ende');
    const uncounted = { line: 0, code: 'SOURCE_BROKE_OFF', params: { afterLine: null }, message: 'the file broke off before its end' };
    expect(lineErrorText('da', uncounted)).toBe('filen blev afbrudt, før den var læst til ende');
    expect(lineErrorText('en', uncounted)).toBe('the file broke off before its end');
  });

  it('still reads an uncoded sentence from the register import and an import stored before codes', () => {
    expect(lineErrorText('da', { line: 4, message: "invalid CPR '120385…'" })).toBe("ugyldigt CPR-nummer '120385…'");
    expect(lineErrorText('da', { line: 5, message: 'expected 3 fields, found 2' })).toBe('forventede 3 felter, fandt 2');
    expect(lineErrorText('da', { line: 6, message: 'something new' })).toBe('linjen kan ikke læses');
  });
});
