import { matchingRepository } from '../db/repositories/matching-repository.ts';
import { calendarDateOf, compareDates } from '../domain/calendar-date.ts';
import { proposeMentors as rankMentors, type MentorProposal } from '../domain/mentor-matching.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Ranked mentor proposals for a grant, hard constraints first, with the reasons shown (issue 3 point 8). */
export async function proposeMentorsForGrant(ctx: UseCaseContext, grantId: number): Promise<{ proposals: MentorProposal[] }> {
  requirePermission(ctx, 'grant:read');
  requirePermission(ctx, 'mentor:assign');
  const grant = await loadVisibleGrant(ctx, grantId);
  const repo = matchingRepository(ctx.db);
  const profile = await repo.findCitizenProfile(ctx.actor.municipalityId, grant.citizenId);
  const today = calendarDateOf(ctx.now());
  const on = compareDates(grant.startDate, today) > 0 ? grant.startDate : today;
  const mentors = (await repo.listCandidates(ctx.actor.municipalityId, on)).map((m) =>
    // The grant's own hours do not count against its current mentor.
    m.id === grant.mentorId && grant.status === 'approved' ? { ...m, loadHours: Math.max(0, m.loadHours - grant.weeklyHours) } : m,
  );
  await recordAudit(ctx, { action: 'read', entity: 'mentor_proposals', citizenIds: [grant.citizenId] });
  return {
    proposals: rankMentors({
      need: {
        citizenId: grant.citizenId,
        weeklyHours: grant.weeklyHours,
        barriers: profile?.barriers ?? [],
        language: profile?.language ?? null,
        preferredGender: profile?.preferredMentorGender ?? null,
        postcode: profile?.postcode ?? null,
        earlierMentorIds: await repo.earlierMentorIds(ctx.actor.municipalityId, grant.citizenId, grant.id),
      },
      mentors,
      seed: grant.id,
    }),
  };
}
