/**
 * Satisfaction per cohort (issue 5 point 6): per survey kind the response rate (responses ÷ ended
 * courses), and per scale question the mean, per yes/no question the share of yes. Free text never
 * enters. R-STAT-1: answered / not answered are suppressed as a table; a question summary over fewer
 * answers than the threshold is hidden, and so is a share of yes whose yes or no count is small.
 */
import { surveysRepository } from '../db/repositories/surveys-repository.ts';
import { calendarDateOf, compareDates } from '../domain/calendar-date.ts';
import { summariseAnswers, surveyKinds, type SurveyKind } from '../domain/satisfaction.ts';
import { suppressTable } from '../domain/statistical-suppression.ts';
import { loadFollowUpCohort, suppressCount, type CohortInput } from './follow-up-cohort.ts';
import { getSurvey } from './get-survey.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type SatisfactionGroup = {
  kind: SurveyKind;
  endedCourses: number | null;
  responses: number | null;
  responseRate: number | null;
  questions: {
    code: string;
    textDa: string;
    textEn: string;
    answerType: 'scale' | 'yes_no';
    answers: number | null;
    mean: number | null;
    shareYes: number | null;
  }[];
};

export async function reportSatisfaction(
  ctx: UseCaseContext,
  input: CohortInput,
): Promise<{ groups: SatisfactionGroup[]; caption: string }> {
  const { courses, threshold } = await loadFollowUpCohort(ctx, input);
  const today = calendarDateOf(ctx.now());
  const ended = courses.filter((c) => c.status === 'ended' || compareDates(c.endDate, today) < 0);
  const responses = await surveysRepository(ctx.db).listByGrantIds(
    ctx.actor.municipalityId,
    ended.map((c) => c.grantId),
  );
  const perKind = await Promise.all(
    surveyKinds.map(async (kind) => ({
      kind,
      survey: await getSurvey(ctx, kind),
      answers: responses.filter((r) => r.kind === kind).map((r) => r.answers),
    })),
  );
  const groups = perKind.map(({ kind, survey, answers }): SatisfactionGroup => {
    // Each survey is its own table (answered | not answered, summing to the shown number of ended courses).
    const table = suppressTable({ cells: [[answers.length, ended.length - answers.length]], threshold });
    const shown = table.values[0]![0] !== null && table.values[0]![1] !== null;
    return {
      kind,
      endedCourses: suppressCount(ended.length, threshold),
      responses: table.values[0]![0]!,
      responseRate: shown && ended.length > 0 ? Math.round((answers.length / ended.length) * 1000) / 1000 : null,
      questions: summariseAnswers(survey.questions, answers).map((q) => {
        const question = survey.questions.find((x) => x.code === q.code)!;
        const hidden = q.answers < threshold;
        // A share of yes would give away a small yes or no count (e.g. 4 of 5 → one "no").
        const yes = q.shareYes === null ? 0 : Math.round(q.shareYes * q.answers);
        const shareHidden = hidden || suppressCount(yes, threshold) === null || suppressCount(q.answers - yes, threshold) === null;
        return {
          code: q.code,
          textDa: question.textDa,
          textEn: question.textEn,
          answerType: q.answerType,
          answers: suppressCount(q.answers, threshold),
          mean: hidden || q.mean === null ? null : Math.round(q.mean * 100) / 100,
          shareYes: shareHidden || q.shareYes === null ? null : Math.round(q.shareYes * 1000) / 1000,
        };
      }),
    };
  });
  return { groups, caption: `Svarprocent = besvarelser ÷ afsluttede forløb. Fritekst indgår ikke. Tal under ${threshold} er skjult.` };
}
