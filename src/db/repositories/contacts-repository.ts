import type { Database } from '../database.ts';
import type { AuditEntry } from './audit-log-repository.ts';

export type ContactRecord = {
  id: number;
  grantId: number;
  at: string;
  minutes: number;
  form: 'physical' | 'phone' | 'video' | 'message';
  attended: boolean;
  justification: string | null;
  note: string | null;
  confirmedAt: string | null;
  confirmationMethod: 'in_person' | 'one_time_code' | 'paper' | null;
  createdBy: number | null;
};

const columns = `id, grant_id as "grantId", at, minutes, form, attended, justification, note, confirmed_at as "confirmedAt",
  confirmation_method as "confirmationMethod", created_by as "createdBy"`;

function toRecord(row: ContactRecord & { at: Date | string; confirmedAt: Date | string | null }): ContactRecord {
  return { ...row, at: new Date(row.at).toISOString(), confirmedAt: row.confirmedAt ? new Date(row.confirmedAt).toISOString() : null };
}

export function contactsRepository(db: Database) {
  return {
    /**
     * Stores the contact and its audit row in one statement, unless the grant already has a contact
     * starting at the same time (unique index contacts_grant_at_key): then nothing is written and the
     * answer is null. Two simultaneous requests (a double tap) cannot both succeed.
     */
    async createUnlessDuplicate(
      input: {
        municipalityId: number;
        grantId: number;
        at: string;
        minutes: number;
        form: ContactRecord['form'];
        attended: boolean;
        justification: string | null;
        note: string | null;
        confirmedAt: string | null;
        confirmationMethod: ContactRecord['confirmationMethod'];
        createdBy: number;
      },
      audit: Pick<AuditEntry, 'userId' | 'username' | 'citizenId' | 'purpose'>,
    ): Promise<ContactRecord | null> {
      const [row] = await db.query<ContactRecord>(
        `with inserted as (
           insert into contacts (municipality_id, grant_id, at, minutes, form, attended, justification, note, confirmed_at,
             confirmation_method, created_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           on conflict (grant_id, at) do nothing
           returning ${columns}
         ), audited as (
           insert into audit_log (municipality_id, user_id, username, action, entity, citizen_id, purpose)
           select $1, $12, $13, 'create', 'contact', $14, $15 from inserted
         )
         select * from inserted`,
        [
          input.municipalityId,
          input.grantId,
          input.at,
          input.minutes,
          input.form,
          input.attended,
          input.justification,
          input.note,
          input.confirmedAt,
          input.confirmationMethod,
          input.createdBy,
          audit.userId,
          audit.username,
          audit.citizenId,
          audit.purpose,
        ],
      );
      return row ? toRecord(row) : null;
    },
    async confirm(input: {
      municipalityId: number;
      contactId: number;
      method: 'in_person' | 'one_time_code' | 'paper';
      at: string;
    }): Promise<ContactRecord | null> {
      const [row] = await db.query<ContactRecord>(
        `update contacts set confirmed_at = $3, confirmation_method = $4 where municipality_id = $1 and id = $2 and confirmed_at is null returning ${columns}`,
        [input.municipalityId, input.contactId, input.at, input.method],
      );
      return row ? toRecord(row) : null;
    },
    async findGrantId(municipalityId: number, contactId: number): Promise<number | null> {
      const [row] = await db.query<{ grantId: number }>(
        'select grant_id as "grantId" from contacts where municipality_id = $1 and id = $2',
        [municipalityId, contactId],
      );
      return row?.grantId ?? null;
    },
    async listByGrantId(municipalityId: number, grantId: number): Promise<ContactRecord[]> {
      const rows = await db.query<ContactRecord>(
        `select ${columns} from contacts where municipality_id = $1 and grant_id = $2 order by at, id`,
        [municipalityId, grantId],
      );
      return rows.map(toRecord);
    },
  };
}
