import { describe, expect, it } from 'vitest';
import { isWinAnsi, winAnsiText } from './win-ansi-text.ts';

describe('text for the standard PDF fonts (issue 14: `1 " andel`)', () => {
  it('keeps Danish letters, §, ×, ÷, en dash and the euro sign', () => {
    const text = 'Æble, øl og å – § 203 a: 2.350 × 10.602 kr. ÷ 2 = € 5';
    expect(winAnsiText(text)).toBe(text);
  });

  it('spells characters the fonts lack with ones they have', () => {
    expect(winAnsiText('(1 \u2212 andel) \u2264 2\u202f%')).toBe('(1 - andel) <= 2 %');
    expect(winAnsiText('pil \u2191')).toBe('pil ^');
    expect(winAnsiText('emoji 😀')).toBe('emoji ?');
    expect([...winAnsiText('ω ≠ 1')].every(isWinAnsi)).toBe(true);
  });
});
