-- R-DEL-2 (issue 5 point 2): an outcome status is computed exactly once per citizen and follow-up
-- horizon, at the horizon after the start of the citizen's first mentor course, and stored so every
-- report and drill-down reads the same status. A register import forgets the stored statuses of its
-- municipality (they are recomputed from the new spells on the next report); a changed first start
-- replaces the row.
create table outcome_statuses (
  municipality_id integer not null references municipalities(id),
  citizen_id integer not null references citizens(id),
  horizon_months integer not null check (horizon_months between 1 and 60),
  first_start date not null,
  category text not null,
  computed_at timestamptz not null default now(),
  primary key (citizen_id, horizon_months)
);
create index outcome_statuses_municipality_idx on outcome_statuses (municipality_id, horizon_months);
