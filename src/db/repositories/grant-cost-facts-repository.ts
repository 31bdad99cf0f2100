import type { Database } from '../database.ts';
import type { RefundClass } from '../../domain/legal-regime.ts';
import type { GrantType } from '../../domain/mentor-grant.ts';
import type { TargetGroupCode } from '../../domain/target-group.ts';
import type { ProviderType } from './providers-repository.ts';

/** What the economy needs to know about an approved or ended grant (no personal data beyond the target group). */
export type GrantCostFacts = {
  grantId: number;
  type: GrantType;
  status: 'approved' | 'ended';
  regimeId: string;
  refundClass: RefundClass;
  agreedOn: string;
  startDate: string;
  endDate: string;
  actualEndDate: string | null;
  weeklyHours: number;
  mentorId: number | null;
  providerId: number | null;
  providerType: ProviderType | null;
  /** The citizen's target group on the agreement date (R-FIN-1), when recorded. */
  targetGroup: TargetGroupCode | null;
  place: { id: number; weeklyHours: number; linkedCount: number; mentorId: number | null; providerId: number } | null;
};

type Row = Omit<GrantCostFacts, 'place'> & {
  placeId: number | null;
  placeWeeklyHours: number | null;
  placeLinkedCount: number | null;
  placeMentorId: number | null;
  placeProviderId: number | null;
};

export function grantCostFactsRepository(db: Database) {
  return {
    /** Approved and ended grants whose period (actual end when ended) overlaps [from, to]. */
    async listOverlapping(input: { municipalityId: number; from: string; to: string; grantIds?: number[] }): Promise<GrantCostFacts[]> {
      const rows = await db.query<Row>(
        `select g.id as "grantId", g.type, g.status, g.regime_id as "regimeId", g.refund_class as "refundClass", g.agreed_on as "agreedOn",
           g.start_date as "startDate", g.end_date as "endDate", g.actual_end_date as "actualEndDate", g.weekly_hours as "weeklyHours",
           g.mentor_id as "mentorId", m.provider_id as "providerId", p.type as "providerType",
           (select s.target_group from target_group_spells s
             where s.citizen_id = g.citizen_id and s.from_date <= g.agreed_on and (s.to_date is null or s.to_date >= g.agreed_on)
             order by s.from_date desc, s.id desc limit 1) as "targetGroup",
           pm.id as "placeId", pm.weekly_hours as "placeWeeklyHours", pm.mentor_id as "placeMentorId", pm.provider_id as "placeProviderId",
           (select count(*) from place_mentor_grants l2 where l2.place_mentor_id = pm.id) as "placeLinkedCount"
         from grants g
           left join mentors m on m.id = g.mentor_id
           left join providers p on p.id = m.provider_id
           left join place_mentor_grants l on l.grant_id = g.id
           left join place_mentors pm on pm.id = l.place_mentor_id
         where g.municipality_id = $1 and g.status in ('approved', 'ended')
           and g.start_date <= $3 and coalesce(g.actual_end_date, g.end_date) >= $2
           and ($4::int[] is null or g.id = any($4))
         order by g.id`,
        [input.municipalityId, input.from, input.to, input.grantIds ?? null],
      );
      return rows.map(({ placeId, placeWeeklyHours, placeLinkedCount, placeMentorId, placeProviderId, ...facts }) => ({
        ...facts,
        place:
          placeId === null
            ? null
            : {
                id: placeId,
                weeklyHours: placeWeeklyHours!,
                linkedCount: placeLinkedCount!,
                mentorId: placeMentorId,
                providerId: placeProviderId!,
              },
      }));
    },
  };
}
