import type { Database } from '../database.ts';

export type AuditAction = 'read' | 'search' | 'create' | 'update' | 'export' | 'delete' | 'login' | 'login_failed' | 'access_denied';

export type AuditEntry = {
  /** Null only for a failed login with an unknown username or a denied request without a session. */
  municipalityId: number | null;
  userId: number | null;
  username: string;
  action: AuditAction;
  entity: string;
  citizenId?: number | null;
  criterion?: string | null;
  purpose?: string | null;
};

export type AuditRecord = {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  action: AuditAction;
  entity: string;
  citizenId: number | null;
  criterion: string | null;
  purpose: string | null;
};

export function auditLogRepository(db: Database) {
  return {
    async record(entries: AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      // One statement for many rows: a list view audits every citizen it shows.
      await db.query(
        `insert into audit_log (municipality_id, user_id, username, action, entity, citizen_id, criterion, purpose)
         select * from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])`,
        [
          entries.map((e) => e.municipalityId),
          entries.map((e) => e.userId),
          entries.map((e) => e.username),
          entries.map((e) => e.action),
          entries.map((e) => e.entity),
          entries.map((e) => e.citizenId ?? null),
          entries.map((e) => e.criterion ?? null),
          entries.map((e) => e.purpose ?? null),
        ],
      );
    },
    async listByCitizen(municipalityId: number, citizenId: number): Promise<AuditRecord[]> {
      const rows = await db.query<AuditRecord & { at: Date }>(
        `select id, at, user_id as "userId", username, action, entity, citizen_id as "citizenId", criterion, purpose
         from audit_log where municipality_id = $1 and citizen_id = $2 order by at desc, id desc`,
        [municipalityId, citizenId],
      );
      return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    },
    /** One page of the municipality's log, newest first, with the number of matching rows; periods are Danish calendar days. */
    async search(
      municipalityId: number,
      filter: {
        citizenId: number | null;
        from: string | null;
        to: string | null;
        username: string | null;
        action: AuditAction | null;
        limit: number;
        offset: number;
      },
    ): Promise<{ entries: AuditRecord[]; total: number }> {
      const rows = await db.query<AuditRecord & { at: Date; total: number }>(
        `select id, at, user_id as "userId", username, action, entity, citizen_id as "citizenId", criterion, purpose, count(*) over ()::int as total
         from audit_log
         where municipality_id = $1 and ($2::int is null or citizen_id = $2)
           and ($3::date is null or at >= ($3::date)::timestamp at time zone 'Europe/Copenhagen')
           and ($4::date is null or at < ($4::date + 1)::timestamp at time zone 'Europe/Copenhagen') and ($5::text is null or username = $5) and ($6::text is null or action = $6)
         order by at desc, id desc limit $7 offset $8`,
        [municipalityId, filter.citizenId, filter.from, filter.to, filter.username, filter.action, filter.limit, filter.offset],
      );
      return { entries: rows.map(({ total: _total, ...r }) => ({ ...r, at: new Date(r.at).toISOString() })), total: rows[0]?.total ?? 0 };
    },
    async listRecent(municipalityId: number, limit: number): Promise<AuditRecord[]> {
      const rows = await db.query<AuditRecord & { at: Date }>(
        `select id, at, user_id as "userId", username, action, entity, citizen_id as "citizenId", criterion, purpose
         from audit_log where municipality_id = $1 order by at desc, id desc limit $2`,
        [municipalityId, limit],
      );
      return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    },
    /** R-PRV-1 retention: the only way audit rows are deleted (the table trigger refuses anything else). */
    async purgeOlderThan(municipalityId: number, cutoff: Date): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.query("select set_config('mentorspor.audit_purge', 'on', true)");
        const rows = await tx.query<{ id: number }>('delete from audit_log where municipality_id = $1 and at < $2 returning id', [
          municipalityId,
          cutoff,
        ]);
        return rows.length;
      });
    },
  };
}
