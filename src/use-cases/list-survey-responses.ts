import { surveysRepository, type SurveyResponseRecord } from '../db/repositories/surveys-repository.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** The survey answers of one course, free text included (citizen-level data: audited). */
export async function listSurveyResponses(ctx: UseCaseContext, grantId: number): Promise<SurveyResponseRecord[]> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  const responses = await surveysRepository(ctx.db).listByGrantIds(ctx.actor.municipalityId, [grantId]);
  await recordAudit(ctx, { action: 'read', entity: 'survey_response', citizenIds: [grant.citizenId] });
  return responses;
}
