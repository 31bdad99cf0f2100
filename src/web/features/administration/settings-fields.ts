import { economySettingRules } from '../../../domain/economy-settings.ts';
import { municipalSettingRules } from '../../../domain/municipal-settings.ts';
import type { TextKey } from '../../app/i18n.tsx';

type NumberSetting = { field: string; kind: 'integer' | 'number' | 'percent' };
type ChoiceSetting = { field: string; kind: 'choice'; options: string[] };
export type Setting = NumberSetting | ChoiceSetting;

const integer = (field: string): Setting => ({ field, kind: 'integer' });
const decimal = (field: string): Setting => ({ field, kind: 'number' });
const percent = (field: string): Setting => ({ field, kind: 'percent' });
/** A choice offers the values its domain rule allows. */
function choice(field: string): Setting {
  const rule = [...municipalSettingRules, ...economySettingRules].find((r) => r.field === field);
  if (rule?.kind !== 'oneOf') throw new Error(`The setting ${field} has no rule of allowed values`);
  return { field, kind: 'choice', options: [...rule.values] };
}

/**
 * The settings the admin edits (domain spec §8.3), grouped as the page shows them. Shares are edited in %.
 * Their words are in the i18n dictionaries: `setting.<field>` (label), `setting.<field>.hint` and, for a
 * choice, `setting.<field>.<option>`.
 */
export const settingGroups: { legend: TextKey; settings: Setting[] }[] = [
  { legend: 'settingsGroupPrivacy', settings: [integer('suppressionThreshold'), integer('auditRetentionMonths')] },
  {
    legend: 'settingsGroupEconomy',
    settings: [
      decimal('invoiceToleranceHours'),
      percent('invoiceToleranceShare'),
      percent('hoursShortfallTolerance'),
      integer('forecastLookbackMonths'),
    ],
  },
  {
    legend: 'settingsGroupCasework',
    settings: [
      choice('monthConvention'),
      integer('retOgPligtGraceDays'),
      integer('deadlineWarningDays'),
      choice('contactWeekSemantics'),
      choice('organisationLabel'),
    ],
  },
];

export const allSettings = settingGroups.flatMap((g) => g.settings);

/** The dictionary key of a setting's label, its hint, or one of its options. */
export function settingTextKey(field: string, part?: string): TextKey {
  return (part === undefined ? `setting.${field}` : `setting.${field}.${part}`) as TextKey;
}
