import type { Database } from '../database.ts';
import { changedOneRow } from '../changed-one-row.ts';
import { regimesFingerprintSql } from './regimes-repository.ts';

export type GrantRecord = {
  id: number;
  citizenId: number;
  citizenName: string;
  citizenCprMasked: string;
  type: string;
  status: 'draft' | 'approved' | 'ended';
  regime: string;
  refundClass: 'inside_frame' | 'outside_frame' | 'none';
  agreedOn: string;
  startDate: string;
  endDate: string;
  actualEndDate: string | null;
  endReason: string | null;
  followUpOfferStart: string | null;
  weeklyHours: number;
  goal: string;
  tasks: string[];
  mentorId: number | null;
  mentorName: string | null;
  complaintGuidance: boolean;
  needAssessment: string | null;
  assessmentDate: string | null;
  citizenConsent: boolean | null;
  dischargeDate: string | null;
  admissionDate: string | null;
  previousGrantId: number | null;
  justification: string | null;
  approvedAt: string | null;
};

/** The columns a caseworker's proposal sets (the rest is set by approval and ending). */
export type GrantFields = Pick<
  GrantRecord,
  | 'citizenId'
  | 'type'
  | 'regime'
  | 'refundClass'
  | 'agreedOn'
  | 'startDate'
  | 'endDate'
  | 'weeklyHours'
  | 'goal'
  | 'tasks'
  | 'mentorId'
  | 'complaintGuidance'
  | 'needAssessment'
  | 'assessmentDate'
  | 'citizenConsent'
  | 'dischargeDate'
  | 'admissionDate'
  | 'previousGrantId'
  | 'justification'
>;

const selectColumns = `select g.id, g.citizen_id as "citizenId", c.name as "citizenName",
    substr(c.cpr, 1, 6) || '-XXXX' as "citizenCprMasked",
    g.type, g.status, g.regime_id as "regime", g.refund_class as "refundClass", g.agreed_on as "agreedOn",
    g.start_date as "startDate", g.end_date as "endDate", g.actual_end_date as "actualEndDate", g.end_reason as "endReason",
    g.follow_up_offer_start as "followUpOfferStart", g.weekly_hours as "weeklyHours", g.goal, g.tasks,
    g.mentor_id as "mentorId", m.name as "mentorName", g.complaint_guidance as "complaintGuidance",
    g.need_assessment as "needAssessment", g.assessment_date as "assessmentDate", g.citizen_consent as "citizenConsent",
    g.discharge_date as "dischargeDate", g.admission_date as "admissionDate", g.previous_grant_id as "previousGrantId",
    g.justification, g.approved_at as "approvedAt"`;
const fromGrants = `from grants g join citizens c on c.id = g.citizen_id left join mentors m on m.id = g.mentor_id`;
const select = `${selectColumns} ${fromGrants}`;

function toRecord(row: GrantRecord & { approvedAt: Date | string | null }): GrantRecord {
  return { ...row, approvedAt: row.approvedAt ? new Date(row.approvedAt).toISOString() : null };
}

function values(f: GrantFields): unknown[] {
  return [
    f.citizenId,
    f.type,
    f.regime,
    f.refundClass,
    f.agreedOn,
    f.startDate,
    f.endDate,
    f.weeklyHours,
    f.goal,
    JSON.stringify(f.tasks),
    f.mentorId,
    f.complaintGuidance,
    f.needAssessment,
    f.assessmentDate,
    f.citizenConsent,
    f.dischargeDate,
    f.admissionDate,
    f.previousGrantId,
    f.justification,
  ];
}

export function grantsRepository(db: Database) {
  const repo = {
    async create(municipalityId: number, createdBy: number, fields: GrantFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into grants (citizen_id, type, regime_id, refund_class, agreed_on, start_date, end_date, weekly_hours, goal, tasks,
           mentor_id, complaint_guidance, need_assessment, assessment_date, citizen_consent, discharge_date, admission_date,
           previous_grant_id, justification, municipality_id, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) returning id`,
        [...values(fields), municipalityId, createdBy],
      );
      return row!.id;
    },
    async updateDraft(municipalityId: number, id: number, fields: GrantFields): Promise<boolean> {
      return changedOneRow(
        db,
        `update grants set citizen_id = $1, type = $2, regime_id = $3, refund_class = $4, agreed_on = $5, start_date = $6,
           end_date = $7, weekly_hours = $8, goal = $9, tasks = $10, mentor_id = $11, complaint_guidance = $12,
           need_assessment = $13, assessment_date = $14, citizen_consent = $15, discharge_date = $16, admission_date = $17,
           previous_grant_id = $18, justification = $19, updated_at = now()
         where municipality_id = $20 and id = $21 and status = 'draft' returning id`,
        [...values(fields), municipalityId, id],
      );
    },
    /** Deletes a draft (never an approved or ended grant); true when one was deleted. */
    async deleteDraft(municipalityId: number, id: number): Promise<boolean> {
      return changedOneRow(db, `delete from grants where municipality_id = $1 and id = $2 and status = 'draft' returning id`, [
        municipalityId,
        id,
      ]);
    },
    async findById(municipalityId: number, id: number): Promise<GrantRecord | null> {
      const [row] = await db.query<GrantRecord>(`${select} where g.municipality_id = $1 and g.id = $2`, [municipalityId, id]);
      return row ? toRecord(row) : null;
    },
    /** The name of the user who proposed the grant (its caseworker), or null when it was imported. */
    async findCaseworkerName(municipalityId: number, id: number): Promise<string | null> {
      const [row] = await db.query<{ name: string }>(
        `select u.name from grants g join users u on u.id = g.created_by and u.municipality_id = g.municipality_id
          where g.municipality_id = $1 and g.id = $2`,
        [municipalityId, id],
      );
      return row?.name ?? null;
    },
    /**
     * The grant with the fingerprint of its municipality's legal regimes (`regimesFingerprintSql`), in
     * one round trip: the hot path of logging a contact needs the regime of the agreement date and reads
     * the regimes themselves only when they changed.
     */
    async findByIdWithRegimesFingerprint(
      municipalityId: number,
      id: number,
    ): Promise<(GrantRecord & { regimesFingerprint: string }) | null> {
      const [row] = await db.query<GrantRecord & { regimesFingerprint: string }>(
        `${selectColumns}, ${regimesFingerprintSql('g.municipality_id')} as "regimesFingerprint"
         ${fromGrants} where g.municipality_id = $1 and g.id = $2`,
        [municipalityId, id],
      );
      return row ? { ...toRecord(row), regimesFingerprint: row.regimesFingerprint } : null;
    },
    async list(filter: {
      municipalityId: number;
      citizenId?: number | null;
      status?: string | null;
      mentorId?: number | null;
      limit: number;
    }): Promise<GrantRecord[]> {
      const rows = await db.query<GrantRecord>(
        `${select} where g.municipality_id = $1 and ($2::int is null or g.citizen_id = $2) and ($3::text is null or g.status = $3)
           and ($4::int is null or g.mentor_id = $4)
         order by g.start_date desc, g.id desc limit $5`,
        [filter.municipalityId, filter.citizenId ?? null, filter.status ?? null, filter.mentorId ?? null, filter.limit],
      );
      return rows.map(toRecord);
    },
    /** Approved grants still running on or after `date` (R-REG-3: what a new regime changes). */
    async listApprovedRunningOn(municipalityId: number, date: string): Promise<GrantRecord[]> {
      const rows = await db.query<GrantRecord>(
        `${select} where g.municipality_id = $1 and g.status = 'approved' and g.end_date >= $2 order by g.start_date, g.id`,
        [municipalityId, date],
      );
      return rows.map(toRecord);
    },
    /** Earlier periods linked through previous_grant_id, oldest first (R-DUR-2, R-PSY-2 totals). */
    async findChain(municipalityId: number, previousGrantId: number | null): Promise<GrantRecord[]> {
      const chain: GrantRecord[] = [];
      let next = previousGrantId;
      while (next !== null && chain.length < 1000) {
        const grant = await repo.findById(municipalityId, next);
        if (!grant) break;
        chain.unshift(grant);
        next = grant.previousGrantId;
      }
      return chain;
    },
    async citizenIdsOfMentor(municipalityId: number, mentorId: number): Promise<number[]> {
      const rows = await db.query<{ citizenId: number }>(
        'select distinct citizen_id as "citizenId" from grants where municipality_id = $1 and mentor_id = $2',
        [municipalityId, mentorId],
      );
      return rows.map((r) => r.citizenId);
    },
    async markApproved(municipalityId: number, id: number, approvedBy: number): Promise<boolean> {
      return changedOneRow(
        db,
        `update grants set status = 'approved', approved_by = $3, approved_at = now(), updated_at = now()
         where municipality_id = $1 and id = $2 and status = 'draft' returning id`,
        [municipalityId, id, approvedBy],
      );
    },
    async markEnded(input: {
      municipalityId: number;
      id: number;
      endedBy: number;
      endDate: string;
      reason: string;
      followUpOfferStart: string | null;
    }): Promise<boolean> {
      return changedOneRow(
        db,
        `update grants set status = 'ended', actual_end_date = $3, end_reason = $4, follow_up_offer_start = $5, ended_by = $6,
           ended_at = now(), updated_at = now()
         where municipality_id = $1 and id = $2 and status = 'approved' returning id`,
        [input.municipalityId, input.id, input.endDate, input.reason, input.followUpOfferStart, input.endedBy],
      );
    },
  };
  return repo;
}
