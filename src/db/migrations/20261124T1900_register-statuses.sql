-- Register statuses (issue 5): weekly public-support status per citizen from register extracts,
-- stored compactly as spells of an outcome category over a range of weeks. Week numbers are
-- "week index" = whole weeks since Monday 1970-01-05, so that ISO weeks compare as integers.
create table register_status_spells (
  id bigserial primary key,
  municipality_id integer not null references municipalities(id),
  citizen_id integer not null references citizens(id),
  category text not null,
  source_code text,
  from_week integer not null,
  to_week integer not null,
  check (to_week >= from_week)
);
create index register_status_spells_citizen_idx on register_status_spells (citizen_id, from_week);

create function week_index(d date) returns integer language sql immutable as $$
  select ((d - date '1970-01-05') / 7)::integer
$$;
