-- Delivery of mentor support (issue 3): the contact log with the citizen's confirmation, and the
-- active offers (tilbud, LAB kap. 10–12) that say what came before and after a mentor.

create table contacts (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  grant_id integer not null references grants(id),
  at timestamptz not null,
  minutes integer not null check (minutes >= 0 and minutes <= 1440),
  form text not null check (form in ('physical', 'phone', 'video', 'message')),
  attended boolean not null,
  -- R-ROP-6: special circumstances that let a non-physical contact count under a ret-og-pligt grant.
  justification text,
  note text,
  confirmed_at timestamptz,
  confirmation_method text check (confirmation_method in ('in_person', 'one_time_code', 'paper')),
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  check ((confirmed_at is null) = (confirmation_method is null))
);
create index contacts_grant_idx on contacts (grant_id, at);

create table offers (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  citizen_id integer not null references citizens(id),
  type text not null check (type in ('vejledning_opkvalificering', 'virksomhedspraktik', 'nytteindsats', 'loentilskud', 'jobrettet_uddannelse_6_uger')),
  start_date date not null,
  end_date date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index offers_citizen_idx on offers (citizen_id, start_date);
