import type { Database } from '../database.ts';
import { signalSessionChange } from '../session-change-signal.ts';

export type UserRole = 'caseworker' | 'mentor' | 'coordinator' | 'manager' | 'admin';

export type UserRecord = {
  id: number;
  municipalityId: number;
  username: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  mentorId: number | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
};

/** Who a new user is: the record's identity fields, before the database adds id, state and counters. */
type NewUser = Pick<UserRecord, 'municipalityId' | 'username' | 'name' | 'role' | 'passwordHash'>;

const columns = `id, municipality_id as "municipalityId", username, name, role, password_hash as "passwordHash",
  mentor_id as "mentorId", active, failed_logins as "failedLogins", locked_until as "lockedUntil",
  must_change_password as "mustChangePassword"`;

export function usersRepository(db: Database) {
  return {
    async create(input: NewUser & { mentorId?: number | null }): Promise<UserRecord> {
      const [row] = await db.query<UserRecord>(
        `insert into users (municipality_id, username, name, role, password_hash, mentor_id)
         values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
        [input.municipalityId, input.username, input.name, input.role, input.passwordHash, input.mentorId ?? null],
      );
      return row!;
    },
    async findByOidcSubject(subject: string): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(`select ${columns} from users where oidc_subject = $1`, [subject]);
      return row ?? null;
    },
    /** Links a user to their identity at the provider (first single sign-on of a user an admin created). */
    async linkOidcSubject(id: number, subject: string): Promise<void> {
      await db.query('update users set oidc_subject = $2 where id = $1 and oidc_subject is null', [id, subject]);
    },
    async createFromIdentityProvider(input: NewUser & { subject: string }): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(
        `insert into users (municipality_id, username, name, role, password_hash, oidc_subject)
         values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning ${columns}`,
        [input.municipalityId, input.username, input.name, input.role, input.passwordHash, input.subject],
      );
      return row ?? null;
    },
    async findByUsername(username: string): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(`select ${columns} from users where username = $1`, [username]);
      return row ?? null;
    },
    async findById(id: number): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(`select ${columns} from users where id = $1`, [id]);
      return row ?? null;
    },
    /** A new user, or null when the username is taken (in any municipality: usernames are global). */
    async createIfFree(
      input: NewUser & {
        mentorId: number | null;
        /** A one-time password: the user must choose their own at first login. */
        mustChangePassword?: boolean;
      },
    ): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(
        `insert into users (municipality_id, username, name, role, password_hash, mentor_id, must_change_password)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (username) do nothing returning ${columns}`,
        [
          input.municipalityId,
          input.username,
          input.name,
          input.role,
          input.passwordHash,
          input.mentorId,
          input.mustChangePassword ?? false,
        ],
      );
      return row ?? null;
    },
    async listByMunicipality(municipalityId: number): Promise<UserRecord[]> {
      return db.query<UserRecord>(`select ${columns} from users where municipality_id = $1 order by active desc, name, username`, [
        municipalityId,
      ]);
    },
    async findInMunicipality(municipalityId: number, id: number): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(`select ${columns} from users where municipality_id = $1 and id = $2`, [municipalityId, id]);
      return row ?? null;
    },
    async update(
      municipalityId: number,
      id: number,
      fields: { name: string; role: UserRole; active: boolean; mentorId: number | null },
    ): Promise<void> {
      await db.query('update users set name = $3, role = $4, active = $5, mentor_id = $6 where municipality_id = $1 and id = $2', [
        municipalityId,
        id,
        fields.name,
        fields.role,
        fields.active,
        fields.mentorId,
      ]);
      // Sessions resolve to the user's name, role and mentor: those kept in memory are stale now.
      signalSessionChange();
    },
    /** `mustChange`: a one-time password (reset by an admin) rather than one the user chose. */
    async setPasswordHash(municipalityId: number, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
      await db.query('update users set password_hash = $3, must_change_password = $4 where municipality_id = $1 and id = $2', [
        municipalityId,
        id,
        passwordHash,
        mustChange,
      ]);
      signalSessionChange();
    },
    async countActiveAdmins(municipalityId: number): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `select count(*)::int as n from users where municipality_id = $1 and role = 'admin' and active`,
        [municipalityId],
      );
      return row?.n ?? 0;
    },
    async count(): Promise<number> {
      const [row] = await db.query<{ n: number }>('select count(*) as n from users');
      return row?.n ?? 0;
    },
    async recordFailedLogin(id: number, lockUntil: Date | null): Promise<void> {
      await db.query('update users set failed_logins = failed_logins + 1, locked_until = coalesce($2, locked_until) where id = $1', [
        id,
        lockUntil,
      ]);
    },
    async resetFailedLogins(id: number): Promise<void> {
      await db.query('update users set failed_logins = 0, locked_until = null where id = $1', [id]);
    },
  };
}
