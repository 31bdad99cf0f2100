import { describe, expect, it } from 'vitest';
import { economySettingRules } from '../../../domain/economy-settings.ts';
import { municipalSettingRules } from '../../../domain/municipal-settings.ts';
import { textIn } from '../../app/i18n.tsx';
import { allSettings, settingGroups, settingTextKey } from './settings-fields.ts';

describe('the settings page definitions', () => {
  it('find their legend, and each setting its label, hint and options, in both languages', () => {
    const keys = [
      ...settingGroups.map((g) => g.legend),
      ...allSettings.flatMap((s) => [
        settingTextKey(s.field),
        settingTextKey(s.field, 'hint'),
        ...(s.kind === 'choice' ? s.options.map((o) => settingTextKey(s.field, o)) : []),
      ]),
    ];
    // 3 legends, 11 settings × (label, hint), 3 choices × 2 options.
    expect(keys).toHaveLength(3 + 22 + 6);
    const missing = keys.flatMap((key) => (['da', 'en'] as const).filter((language) => !textIn(language, key)).map((l) => `${l}:${key}`));
    expect(missing).toEqual([]);
    expect(textIn('da', settingTextKey('suppressionThreshold'))).toBe('Diskretioneringsgrænse (personer)');
    expect(textIn('en', settingTextKey('monthConvention', 'weeks26'))).toBe('26 weeks per half year');
  });

  it('edit the domain’s settings: each has its rule, a choice the values its rule allows', () => {
    const rules = [...municipalSettingRules, ...economySettingRules];
    expect(allSettings.map((s) => [s.field, s.kind === 'choice' ? 'oneOf' : s.kind === 'percent' ? 'number' : s.kind])).toEqual(
      allSettings.map((s) => [s.field, rules.find((r) => r.field === s.field)?.kind]),
    );
    expect(allSettings.find((s) => s.field === 'contactWeekSemantics')).toEqual({
      field: 'contactWeekSemantics',
      kind: 'choice',
      options: ['calendar_week', 'max_gap_days'],
    });
    // Every rule but the free-text contact details (edited with the agreement's contact fields) is on the page.
    expect(rules.filter((r) => r.kind !== 'optionalText' && !allSettings.some((s) => s.field === r.field))).toEqual([]);
  });
});
