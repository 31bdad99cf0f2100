import { describe, expect, it } from 'vitest';
import { controlCharacterIndex, lineOfIndex, withoutControlCharacters } from './control-characters.ts';

describe('control characters', () => {
  it('finds NUL and other C0 characters but allows tab, CR and LF', () => {
    expect(controlCharacterIndex('\u0000cpr;week')).toBe(0);
    expect(controlCharacterIndex('a\u001bb')).toBe(1);
    expect(controlCharacterIndex('a\u007f')).toBe(1);
    expect(controlCharacterIndex('cpr;week\r\n0101901234;2015-W01\tx')).toBe(-1);
    expect(controlCharacterIndex('Søren Ærø – “citat”')).toBe(-1);
  });

  it('names the line of a position and masks characters for messages', () => {
    expect(lineOfIndex('a\nb\nc\u0000', 5)).toBe(3);
    expect(lineOfIndex('\u0000', 0)).toBe(1);
    expect(withoutControlCharacters('x\u0000y')).toBe('x\uFFFDy');
  });
});
