-- Issue 11: a user given a one-time password (created without one, or reset by an admin) must choose
-- their own before doing anything else (api/request-context.ts, use-cases/change-own-password.ts).
alter table users add column must_change_password boolean not null default false;

-- The flag is part of what a session resolves to: its change must reach every process's session cache
-- (migration 20261204T0430).
drop trigger users_changed on users;
create trigger users_changed after update of username, name, role, municipality_id, mentor_id, active, must_change_password or delete on users
  for each statement execute function mentorspor_notify_session_change();
