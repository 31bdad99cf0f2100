import { describe, expect, it } from 'vitest';
import { csvLines, detectSeparator, splitCsvLine, stripBom } from './csv.ts';

describe('the one CSV reader', () => {
  it('detects the separator from the header: the more frequent outside quotes, semicolon on a tie', () => {
    expect(detectSeparator('cpr;uge;kode')).toBe(';');
    expect(detectSeparator('cpr,week,code')).toBe(',');
    // Danish Excel: a comma inside a quoted header name does not count.
    expect(detectSeparator('"navn, fulde";cpr')).toBe(';');
    expect(detectSeparator('code;category,extra,more')).toBe(',');
    expect(detectSeparator('cpr')).toBe(';');
    expect(detectSeparator('\uFEFFa,b')).toBe(',');
  });

  it('numbers the non-blank lines as an editor does, without the byte order mark, for LF and CRLF', () => {
    expect(csvLines('\uFEFFa;b\r\n1;2\r\n\r\n3;4\n')).toEqual([
      { text: 'a;b', line: 1 },
      { text: '1;2', line: 2 },
      { text: '3;4', line: 4 },
    ]);
    expect(csvLines('')).toEqual([]);
    expect(stripBom('\uFEFFcpr')).toBe('cpr');
    expect(stripBom('cpr')).toBe('cpr');
  });

  it('splits quoted fields with "" inside and refuses an unclosed quote', () => {
    expect(splitCsvLine('a;"b;c";"say ""hi""";', ';')).toEqual(['a', 'b;c', 'say "hi"', '']);
    expect(splitCsvLine(' a , "b, c" ', ',')).toEqual(['a', 'b, c']);
    expect(splitCsvLine('a;"open', ';')).toBeNull();
  });
});
