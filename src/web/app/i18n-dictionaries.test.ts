import { describe, expect, it } from 'vitest';
import { enumText, ruleNames } from './i18n.tsx';

describe('the dictionaries', () => {
  it('name every code in English that they name in Danish, so an English page shows no Danish label', () => {
    expect(Object.keys(enumText.da).filter((code) => !(code in enumText.en))).toEqual([]);
    expect(Object.keys(ruleNames.da).filter((id) => !(id in ruleNames.en))).toEqual([]);
  });
});
