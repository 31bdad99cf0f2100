-- Initial schema of Mentorspor. Every row carries its municipality; queries are scoped by it.

create table municipalities (
  id serial primary key,
  code text not null unique,
  name text not null,
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table users (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  username text not null unique,
  name text not null,
  role text not null check (role in ('caseworker', 'mentor', 'coordinator', 'manager', 'admin')),
  password_hash text not null,
  mentor_id integer,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  user_id integer not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

-- Legal regimes as data (domain spec §0.2, §8.3): each municipality holds its own editable copy.
create table legal_regimes (
  municipality_id integer not null references municipalities(id),
  id text not null,
  name text not null,
  valid_from date not null,
  valid_to date,
  parameters jsonb not null,
  sources jsonb not null default '[]'::jsonb,
  updated_at timestamptz not null default now(),
  updated_by integer references users(id),
  primary key (municipality_id, id),
  check (valid_to is null or valid_to >= valid_from)
);

create table citizens (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  -- Full CPR is only read for identification; responses carry cpr_masked (R-PRV-3).
  cpr text not null check (cpr ~ '^[0-9]{10}$'),
  birth_date date not null,
  name text not null,
  gender text check (gender in ('female', 'male', 'other')),
  origin text check (origin in ('danish', 'western', 'non_western')),
  created_at timestamptz not null default now(),
  unique (municipality_id, cpr)
);
create index citizens_name_idx on citizens (municipality_id, lower(name));

create table target_group_spells (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  citizen_id integer not null references citizens(id),
  target_group text not null,
  visitation text check (visitation in ('jobparat', 'aktivitetsparat', 'uddannelsesparat')),
  from_date date not null,
  to_date date,
  created_at timestamptz not null default now(),
  check (to_date is null or to_date >= from_date)
);
create index target_group_spells_citizen_idx on target_group_spells (citizen_id, from_date);

create table providers (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  name text not null,
  type text not null check (type in ('internal', 'employment_centre', 'external', 'company', 'education', 'volunteer')),
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table provider_rates (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  provider_id integer not null references providers(id),
  hourly_rate_kr numeric(10, 2) not null check (hourly_rate_kr >= 0),
  valid_from date not null,
  valid_to date,
  unique (provider_id, valid_from)
);

create table mentors (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  provider_id integer not null references providers(id),
  name text not null,
  phone text,
  email text,
  specialties text[] not null default '{}',
  languages text[] not null default '{}',
  qualifications text[] not null default '{}',
  weekly_capacity_hours numeric(6, 2),
  has_authority_role boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

alter table users add constraint users_mentor_fk foreign key (mentor_id) references mentors(id);

-- Copenhagen's four-part basic training (grunduddannelse), seed S2 §8.1.
create table mentor_training_modules (
  municipality_id integer not null references municipalities(id),
  mentor_id integer not null references mentors(id),
  module integer not null check (module between 1 and 4),
  completed_on date not null,
  primary key (mentor_id, module)
);

create table grants (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  citizen_id integer not null references citizens(id),
  type text not null check (type in ('GENERAL', 'RET_OG_PLIGT', 'PSYCH_DISCHARGE', 'PRISON_RELEASE', 'COMPANY', 'EDUCATION_INST', 'YOUTH_EDUCATION')),
  status text not null default 'draft' check (status in ('draft', 'approved', 'ended')),
  regime_id text not null,
  refund_class text not null check (refund_class in ('inside_frame', 'outside_frame', 'none')),
  agreed_on date not null,
  start_date date not null,
  end_date date not null,
  actual_end_date date,
  end_reason text check (end_reason in ('PLANNED_END', 'READY_FOR_OFFER', 'LEFT_TARGET_GROUP', 'JOB', 'EDUCATION', 'MOVED', 'CITIZEN_DECLINED', 'OTHER')),
  follow_up_offer_start date,
  weekly_hours numeric(6, 2) not null,
  goal text not null default '',
  tasks jsonb not null default '[]'::jsonb,
  mentor_id integer references mentors(id),
  complaint_guidance boolean not null default false,
  need_assessment text,
  assessment_date date,
  citizen_consent boolean,
  discharge_date date,
  admission_date date,
  previous_grant_id integer references grants(id),
  justification text,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  approved_by integer references users(id),
  approved_at timestamptz,
  ended_by integer references users(id),
  ended_at timestamptz,
  check (end_date >= start_date),
  check (status <> 'ended' or (actual_end_date is not null and end_reason is not null))
);
create index grants_citizen_idx on grants (citizen_id);
create index grants_mentor_idx on grants (mentor_id);
create index grants_municipality_status_idx on grants (municipality_id, status);

-- The written agreement as approved: immutable (section 2.1; issue 2 point 6).
create table agreement_versions (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  grant_id integer not null references grants(id),
  version integer not null,
  document jsonb not null,
  pdf bytea not null,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (grant_id, version)
);

-- R-PRV-1: immutable access log of every read, search, change and export of personal data.
create table audit_log (
  id bigserial primary key,
  municipality_id integer not null references municipalities(id),
  at timestamptz not null default now(),
  user_id integer references users(id),
  username text not null,
  action text not null check (action in ('read', 'search', 'create', 'update', 'export', 'delete', 'login', 'login_failed')),
  entity text not null,
  citizen_id integer references citizens(id),
  criterion text,
  purpose text
);
create index audit_log_citizen_idx on audit_log (citizen_id, at);
create index audit_log_at_idx on audit_log (municipality_id, at);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'rows of % are immutable', tg_table_name using errcode = '42501';
end;
$$;

create trigger agreement_versions_immutable before update or delete on agreement_versions
  for each row execute function forbid_change();
-- Audit rows are never updated; deletion only through the retention purge (R-PRV-1), which sets
-- mentorspor.audit_purge for its own transaction.
create function forbid_audit_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('mentorspor.audit_purge', true) = 'on' then
    return old;
  end if;
  raise exception 'audit_log rows are immutable' using errcode = '42501';
end;
$$;
create trigger audit_log_immutable before update or delete on audit_log
  for each row execute function forbid_audit_change();
