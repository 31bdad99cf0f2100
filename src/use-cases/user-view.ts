import type { UserRecord } from '../db/repositories/users-repository.ts';

/** A user as the administration sees it: never the password hash. */
export type UserView = { id: number; username: string; name: string; role: UserRecord['role']; active: boolean; mentorId: number | null };

export function userViewOf(user: UserRecord): UserView {
  return { id: user.id, username: user.username, name: user.name, role: user.role, active: user.active, mentorId: user.mentorId };
}
