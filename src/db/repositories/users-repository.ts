import type { Database } from '../database.ts';

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
};

const columns = `id, municipality_id as "municipalityId", username, name, role, password_hash as "passwordHash",
  mentor_id as "mentorId", active, failed_logins as "failedLogins", locked_until as "lockedUntil"`;

export function usersRepository(db: Database) {
  return {
    async create(input: {
      municipalityId: number;
      username: string;
      name: string;
      role: UserRole;
      passwordHash: string;
      mentorId?: number | null;
    }): Promise<UserRecord> {
      const [row] = await db.query<UserRecord>(
        `insert into users (municipality_id, username, name, role, password_hash, mentor_id)
         values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
        [input.municipalityId, input.username, input.name, input.role, input.passwordHash, input.mentorId ?? null],
      );
      return row!;
    },
    async findByUsername(username: string): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(`select ${columns} from users where username = $1`, [username]);
      return row ?? null;
    },
    async findById(id: number): Promise<UserRecord | null> {
      const [row] = await db.query<UserRecord>(`select ${columns} from users where id = $1`, [id]);
      return row ?? null;
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
