import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { targetGroupSpellsRepository } from '../db/repositories/target-group-spells-repository.ts';
import { groupsBecomingJobparat2027, type LegalRegime } from '../domain/legal-regime.ts';
import type { GrantType } from '../domain/mentor-grant.ts';
import { regimeChangesFor, type RegimeChange, type RunningGrantFacts } from '../domain/rules/regime-type-rules.ts';
import { findTargetGroupOn } from '../domain/target-group.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

export type RegimeChangeReport = {
  regime: { id: string; name: string; validFrom: string; confirmed: boolean };
  grants: (Omit<RunningGrantFacts, 'targetGroupOnStart'> & { changes: RegimeChange[] })[];
};

/**
 * R-REG-3: the running grants and citizens whose mentor type, mentor right or target group changes on the
 * start date of a regime (the 2027 act, confirmed or still a draft), so the caseworker can act before it.
 * Lists citizens, so it is for caseworkers and audited as a search.
 */
export async function reportRegimeChanges(ctx: UseCaseContext, regimeId: string): Promise<RegimeChangeReport> {
  requirePermission(ctx, 'grant:write');
  const municipalityId = ctx.actor.municipalityId;
  const regime: LegalRegime | undefined = (await regimesRepository(ctx.db).listByMunicipality(municipalityId)).find(
    (r) => r.id === regimeId,
  );
  if (!regime) throw new AppError('NOT_FOUND', `Regime ${regimeId} not found`);
  const running = await grantsRepository(ctx.db).listApprovedRunningOn(municipalityId, regime.validFrom);
  const spells = targetGroupSpellsRepository(ctx.db);
  const grants: RegimeChangeReport['grants'] = [];
  for (const grant of running) {
    const targetGroupOnStart =
      findTargetGroupOn(await spells.listByCitizenId(municipalityId, grant.citizenId), regime.validFrom)?.group ?? null;
    const facts = {
      grantId: grant.id,
      citizenId: grant.citizenId,
      citizenName: grant.citizenName,
      type: grant.type as GrantType,
      startDate: grant.startDate,
      endDate: grant.endDate,
      targetGroupOnStart,
    };
    const changes = regimeChangesFor(facts, regime, groupsBecomingJobparat2027);
    if (changes.length > 0) grants.push({ ...facts, changes });
  }
  if (grants.length > 0) {
    await recordAudit(ctx, {
      action: 'search',
      entity: 'regime_changes',
      citizenIds: [...new Set(grants.map((g) => g.citizenId))],
      criterion: `regime-changes:${regime.id}`,
    });
  }
  return {
    regime: { id: regime.id, name: regime.name, validFrom: regime.validFrom, confirmed: regime.parameters.draft !== true },
    grants,
  };
}
