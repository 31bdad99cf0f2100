-- Issue 10 (throughput): each server process keeps the sessions it has resolved in memory and forgets
-- them all when PostgreSQL says that a session, a user or a municipality changed
-- (use-cases/session-cache.ts). The database sends the notification itself, at commit, for every change
-- that could end a session or change who it belongs to, so no code path can forget to.
create function mentorspor_notify_session_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('mentorspor_sessions', tg_table_name);
  return null;
end
$$;

create trigger sessions_changed after update or delete on sessions
  for each statement execute function mentorspor_notify_session_change();

create trigger users_changed after update of username, name, role, municipality_id, mentor_id, active or delete on users
  for each statement execute function mentorspor_notify_session_change();

create trigger municipalities_changed after update of name or delete on municipalities
  for each statement execute function mentorspor_notify_session_change();
