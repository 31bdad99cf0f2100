import { surveysRepository } from '../db/repositories/surveys-repository.ts';
import { findSurveyQuestionProblems, type SurveyKind, type SurveyQuestion } from '../domain/satisfaction.ts';
import { AppError } from '../errors.ts';
import { getSurvey } from './get-survey.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Replaces the questions of a survey as a new version; answers already given keep their own copy. */
export async function updateSurvey(
  ctx: UseCaseContext,
  kind: SurveyKind,
  questions: SurveyQuestion[],
): Promise<{ kind: SurveyKind; version: number; questions: SurveyQuestion[] }> {
  requirePermission(ctx, 'instrument:write');
  const problems = findSurveyQuestionProblems(questions);
  if (problems.length > 0)
    throw new AppError('INVALID_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      field: problems[0]!.field,
      problems,
    });
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const version = (await getSurvey(txCtx, kind)).version + 1;
    await surveysRepository(tx).createDefinition({
      municipalityId: ctx.actor.municipalityId,
      kind,
      version,
      questions,
      createdBy: ctx.actor.userId,
    });
    return getSurvey(txCtx, kind);
  });
}
