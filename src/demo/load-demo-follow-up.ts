/**
 * Demo progression, surveys and attendance (issue 5 points 5–6): measurements by citizen and mentor
 * on the ended courses and the active ones (with a disagreement and one measurement due), end-of-course
 * surveys on some ended courses, and a course where the citizen often did not turn up.
 */
import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { addDays, addMonths, calendarDateOf, compareDates } from '../domain/calendar-date.ts';
import { defaultInstrument } from '../domain/progression.ts';
import { ensureDefaultInstrument } from '../use-cases/ensure-default-instrument.ts';
import { recordContact } from '../use-cases/record-contact.ts';
import { recordMeasurement } from '../use-cases/record-measurement.ts';
import { recordSurveyResponse } from '../use-cases/record-survey-response.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

const citizenCodes = defaultInstrument.indicators.filter((x) => x.respondents.includes('citizen')).map((x) => x.code);

/** Values on 1–5 that rise by `step` per round from a per-course base, kept on the scale. */
function valuesOf(base: number, round: number, step: number, shift = 0): Record<string, number> {
  return Object.fromEntries(
    citizenCodes.map((code, i) => [
      code,
      Math.min(5, Math.max(1, base + ((i + shift) % 3 === 0 ? 0 : Math.round(round * step)) - (i % 2))),
    ]),
  );
}

export async function loadDemoFollowUp(ctx: UseCaseContext, grants: { active: number[]; frequentNoShows: number }): Promise<void> {
  await ensureDefaultInstrument(ctx.db, ctx.actor.municipalityId);
  const today = calendarDateOf(ctx.now());
  const repo = grantsRepository(ctx.db);
  const ended = await repo.list({ municipalityId: ctx.actor.municipalityId, status: 'ended', limit: 100 });
  const active = (await Promise.all(grants.active.map((id) => repo.findById(ctx.actor.municipalityId, id)))).filter((g) => g !== null);
  for (const [n, grant] of [...ended, ...active].entries()) {
    const end = grant.actualEndDate ?? grant.endDate;
    const base = 2 + (n % 2);
    for (let round = 0; round < 3; round += 1) {
      const on = round === 2 ? end : addMonths(grant.startDate, round * 3);
      if (compareDates(on, today) > 0 || compareDates(on, end) > 0) break;
      // Söeren's course (the last active one) has its baseline only: the 3-month round is due.
      if (grant.id === grants.active.at(-1) && round > 0) break;
      await recordMeasurement(ctx, grant.id, {
        measuredOn: on,
        respondent: 'citizen',
        entryMode: 'paper',
        values: valuesOf(base, round, n % 3 === 2 ? -0.5 : 1),
      });
      // The caseworker's belief that the citizen gets a job, at the start and at the end.
      if (round !== 1)
        await recordMeasurement(ctx, grant.id, {
          measuredOn: on,
          respondent: 'caseworker',
          entryMode: 'self',
          values: { caseworker_job_belief: Math.min(5, base + (round === 2 ? n % 3 : 0)) },
        });
      if (round < 2) {
        // The mentor's view: one point lower on most indicators, and at baseline far lower on health.
        const mentor = valuesOf(base - 1, round, 1, 1);
        if (round === 0) mentor.health_coping = 1;
        await recordMeasurement(ctx, grant.id, { measuredOn: addDays(on, 1), respondent: 'mentor', entryMode: 'paper', values: mentor });
      }
    }
    if (ended.includes(grant)) {
      await recordSurveyResponse(ctx, grant.id, {
        kind: 'citizen_end',
        respondedOn: end,
        entryMode: 'paper',
        answers: {
          overall: 3 + (n % 3),
          listened: 4,
          helped: 2 + (n % 3),
          recommend: n % 3 !== 1,
          comment: 'Det hjalp at have én fast kontaktperson.',
        },
      });
      if (n % 4 !== 3)
        await recordSurveyResponse(ctx, grant.id, {
          kind: 'mentor_end',
          respondedOn: end,
          entryMode: 'paper',
          answers: { goal_reached: 2 + (n % 3), cooperation: 4, coping: 3 + (n % 2), further_support: n % 2 === 0 },
        });
    }
  }
  // Frequent no-shows on one course: four planned meetings in its second month, two missed.
  const g = active.find((x) => x.id === grants.frequentNoShows);
  if (g) {
    for (let w = 0; w < 4; w += 1) {
      const day = addDays(addMonths(g.startDate, 1), w * 7 + 3);
      if (compareDates(day, today) >= 0) break;
      await recordContact(ctx, g.id, {
        at: `${day}T13:00:00Z`,
        minutes: 60,
        form: 'physical',
        attended: w % 2 === 0,
        note: w % 2 === 0 ? 'Samtale' : 'Udeblev fra aftalt møde',
      });
    }
  }
}
