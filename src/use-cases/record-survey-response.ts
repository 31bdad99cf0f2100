import { surveysRepository } from '../db/repositories/surveys-repository.ts';
import { calendarDateOf, compareDates, isCalendarDate } from '../domain/calendar-date.ts';
import type { EntryMode } from '../domain/progression.ts';
import { findAnswerProblems, type SurveyAnswer, type SurveyKind } from '../domain/satisfaction.ts';
import { AppError } from '../errors.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { getSurvey } from './get-survey.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * The citizen's end-of-course survey (entered by a mentor or caseworker from paper or a meeting) or
 * the mentor's assessment (by the mentor, or a caseworker from the mentor's paper form). At most one
 * of each kind per course (issue 5 point 6): a second is a CONFLICT.
 */
export async function recordSurveyResponse(
  ctx: UseCaseContext,
  grantId: number,
  input: { kind: SurveyKind; respondedOn: string; entryMode: EntryMode; answers: Record<string, unknown> },
): Promise<{ id: number }> {
  requirePermission(ctx, 'measurement:write');
  if (!isCalendarDate(input.respondedOn)) throw new AppError('INVALID_INPUT', 'respondedOn is not a valid date', { field: 'respondedOn' });
  if (compareDates(input.respondedOn, calendarDateOf(ctx.now())) > 0)
    throw new AppError('INVALID_INPUT', 'An answer cannot be dated in the future', { field: 'respondedOn' });
  const role = ctx.actor.role;
  const allowed =
    input.kind === 'citizen_end'
      ? input.entryMode !== 'self'
      : (role === 'mentor' && input.entryMode === 'self') || (role === 'caseworker' && input.entryMode === 'paper');
  if (!allowed)
    throw new AppError('FORBIDDEN', `A ${role} may not enter a ${input.kind} response as '${input.entryMode}'`, { field: 'entryMode' });
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const grant = await loadVisibleGrant(txCtx, grantId);
    if (grant.status === 'draft') throw new AppError('CONFLICT', 'Surveys are answered on approved grants only');
    if (compareDates(input.respondedOn, grant.startDate) < 0)
      throw new AppError('INVALID_INPUT', 'The answer date lies before the course start', { field: 'respondedOn' });
    const repo = surveysRepository(tx);
    if ((await repo.listByGrantIds(ctx.actor.municipalityId, [grantId])).some((r) => r.kind === input.kind)) {
      throw new AppError('CONFLICT', `The course already has a ${input.kind} response`, { kind: input.kind });
    }
    const { questions } = await getSurvey(txCtx, input.kind);
    const problems = findAnswerProblems(questions, input.answers);
    if (problems.length > 0)
      throw new AppError('INVALID_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
        field: problems[0]!.field,
        problems,
      });
    const answers = Object.fromEntries(
      Object.entries(input.answers as Record<string, SurveyAnswer>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
    );
    const id = await repo.createResponse({
      municipalityId: ctx.actor.municipalityId,
      grantId,
      kind: input.kind,
      questions,
      answers,
      respondedOn: input.respondedOn,
      entryMode: input.entryMode,
      enteredBy: ctx.actor.userId,
    });
    await recordAudit(txCtx, { action: 'create', entity: 'survey_response', citizenIds: [grant.citizenId] });
    return { id };
  });
}
