import { surveysRepository } from '../db/repositories/surveys-repository.ts';
import { defaultSurveyQuestions, type SurveyKind, type SurveyQuestion } from '../domain/satisfaction.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** The current questions of an end-of-course survey; version 0 = the built-in defaults, never stored. */
export async function getSurvey(
  ctx: Pick<UseCaseContext, 'db' | 'actor'>,
  kind: SurveyKind,
): Promise<{ kind: SurveyKind; version: number; questions: SurveyQuestion[] }> {
  const stored = await surveysRepository(ctx.db).findCurrentDefinition(ctx.actor.municipalityId, kind);
  return stored ?? { kind, version: 0, questions: defaultSurveyQuestions[kind] };
}
