-- Logins (issue 10): a back-off per typed username and client address instead of an account lock an
-- attacker could keep closed, failed logins for unknown usernames in the audit log (they belong to no
-- municipality), and denied requests audited.

create table login_throttle (
  username text not null,
  ip text not null,
  failures integer not null default 0,
  blocked_until timestamptz,
  last_failure_at timestamptz not null default now(),
  primary key (username, ip)
);

alter table audit_log alter column municipality_id drop not null;
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check
  check (action in ('read', 'search', 'create', 'update', 'export', 'delete', 'login', 'login_failed', 'access_denied'));

-- The account lock is replaced by the back-off; a lock left by the old rule is lifted.
update users set failed_logins = 0, locked_until = null where locked_until is not null or failed_logins > 0;

select mentorspor_apply_tenancy();
