import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { defaultEconomySettings, economySettingRules, economySettingsOf, type EconomySettings } from '../domain/economy-settings.ts';
import { municipalSettingRules, validateMunicipalSettings, type MunicipalSettings } from '../domain/municipal-settings.ts';
import { settingProblemMessage, settingProblems, type SettingProblem } from '../domain/setting-rules.ts';
import { AppError } from '../errors.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

const settingRules = [...municipalSettingRules, ...economySettingRules];

/**
 * The admin changes the municipality's norms (domain spec §8.3) and economy settings: only known
 * settings, each within its limits. A refusal (INVALID_INPUT) lists one problem per field in
 * `details.fields` (the settings page words them in Danish) and as sentences in `details.errors`.
 * Nothing is stored unless every field is valid; the change is audited with the names of the settings.
 */
export async function updateMunicipalSettings(
  ctx: UseCaseContext,
  changes: Record<string, unknown>,
): Promise<MunicipalSettings & EconomySettings> {
  requirePermission(ctx, 'settings:write');
  const known = new Set(settingRules.map((r) => r.field));
  const unknown: SettingProblem[] = Object.keys(changes)
    .filter((key) => !known.has(key))
    .map((field) => ({ field, reason: 'UNKNOWN_SETTING' }));
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const stored = { ...(await loadMunicipalSettings(txCtx)), ...changes };
    const problems = [...unknown, ...settingProblems(settingRules, { ...defaultEconomySettings, ...stored })];
    const municipal = validateMunicipalSettings(stored);
    const economy = economySettingsOf(stored);
    if (problems.length > 0 || !municipal.ok || !economy.ok)
      throw new AppError('INVALID_INPUT', 'Invalid municipal settings', { errors: problems.map(settingProblemMessage), fields: problems });
    await municipalitiesRepository(tx).updateSettings(ctx.actor.municipalityId, municipal.value);
    await recordAudit(txCtx, { action: 'update', entity: 'municipal_settings', criterion: Object.keys(changes).sort().join(',') });
    return { ...municipal.value, ...economy.value };
  });
}
