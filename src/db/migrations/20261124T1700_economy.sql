-- Economy (issue 4): refund frames and budgets per year, mentor-level rates, company-mentor wage costs
-- (R-CMP-2), per-place mentors (R-CMP-3), and provider invoices with four-eyes approval (R-DEL-1).
-- Accounting function codes per regime live in the regime parameters (accountingFunctionNonRefundable).

-- The refund frame (refusionsramme) and the budget of a year (R-FIN-3); full-time persons and other
-- guidance spending for the 2026 budget-guarantee ceiling (R-FIN-5 [U]).
create table refund_frames (
  municipality_id integer not null references municipalities(id),
  year integer not null check (year between 2000 and 2100),
  refund_frame_kr numeric(14, 2) not null check (refund_frame_kr >= 0),
  budget_kr numeric(14, 2) not null check (budget_kr >= 0),
  full_time_persons numeric(10, 2) check (full_time_persons >= 0),
  other_guidance_spend_kr numeric(14, 2) check (other_guidance_spend_kr >= 0),
  updated_by integer references users(id),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, year)
);

-- A mentor's own price (e.g. an external consultant's fee) or the municipality's internal cost rate for
-- its own mentors; both win over the provider's price list (provider_rates) while valid.
create table mentor_rates (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  mentor_id integer not null references mentors(id),
  kind text not null check (kind in ('price', 'internal_cost')),
  hourly_rate_kr numeric(10, 2) not null check (hourly_rate_kr >= 0),
  valid_from date not null,
  valid_to date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (mentor_id, kind, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
create index mentor_rates_municipality_idx on mentor_rates (municipality_id, mentor_id);

-- R-CMP-2: a company mentor's hourly wage cost from its allowed components only; overhead, sick pay,
-- transport time and travel cannot be stored.
create table company_mentor_wage_costs (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  mentor_id integer not null references mentors(id),
  valid_from date not null,
  valid_to date,
  hourly_cost_kr numeric(10, 2) not null check (hourly_cost_kr >= 0),
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (mentor_id, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);

create table company_mentor_wage_cost_lines (
  wage_cost_id integer not null references company_mentor_wage_costs(id) on delete cascade,
  municipality_id integer not null references municipalities(id),
  component text not null check (component in ('wage', 'holiday_pay', 'pension', 'employer_contributions')),
  amount_kr numeric(12, 2) not null check (amount_kr >= 0),
  per text not null check (per in ('hour', 'month')),
  hourly_amount_kr numeric(12, 4) not null check (hourly_amount_kr >= 0),
  primary key (wage_cost_id, component)
);

-- R-CMP-3: hours granted per place (pladsmentor) for several persons, each linked by their own grant.
create table place_mentors (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  provider_id integer not null references providers(id),
  mentor_id integer references mentors(id),
  name text not null,
  weekly_hours numeric(6, 2) not null check (weekly_hours > 0),
  start_date date not null,
  end_date date not null,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  check (end_date >= start_date)
);

create table place_mentor_grants (
  place_mentor_id integer not null references place_mentors(id),
  grant_id integer not null unique references grants(id),
  municipality_id integer not null references municipalities(id),
  primary key (place_mentor_id, grant_id)
);

-- Provider invoices. Four-eyes: the approval is by another person than the attestation.
create table invoices (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  provider_id integer not null references providers(id),
  invoice_number text not null check (invoice_number <> ''),
  period_from date not null,
  period_to date not null,
  received_on date not null,
  source text not null check (source in ('manual', 'csv')),
  status text not null default 'received' check (status in ('received', 'attested', 'approved')),
  recorded_by integer not null references users(id),
  recorded_at timestamptz not null default now(),
  attested_by integer references users(id),
  attested_at timestamptz,
  approved_by integer references users(id),
  approved_at timestamptz,
  unique (municipality_id, provider_id, invoice_number),
  check (period_to >= period_from),
  check ((status = 'received') = (attested_by is null)),
  check ((status = 'approved') = (approved_by is not null)),
  check (approved_by is null or approved_by <> attested_by)
);
create index invoices_municipality_idx on invoices (municipality_id, period_from);

create table invoice_lines (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  invoice_id integer not null references invoices(id),
  line_no integer not null check (line_no > 0),
  grant_id integer not null references grants(id),
  period_from date not null,
  period_to date not null,
  hours numeric(8, 2) not null check (hours >= 0),
  amount_kr numeric(12, 2) not null check (amount_kr >= 0),
  -- R-DEL-1: the caseworker's review of a flagged line.
  review_decision text check (review_decision in ('accepted', 'rejected')),
  review_note text,
  reviewed_by integer references users(id),
  reviewed_at timestamptz,
  unique (invoice_id, line_no),
  check (period_to >= period_from),
  check ((review_decision is null) = (reviewed_by is null))
);
create index invoice_lines_grant_idx on invoice_lines (grant_id, period_from);

-- An approved invoice is the payment record: its lines no longer change.
create function forbid_approved_invoice_line_change() returns trigger language plpgsql as $$
begin
  if exists (select 1 from invoices i where i.id = old.invoice_id and i.status = 'approved') then
    raise exception 'lines of approved invoice % are immutable', old.invoice_id using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger invoice_lines_frozen_when_approved before update or delete on invoice_lines
  for each row execute function forbid_approved_invoice_line_change();
