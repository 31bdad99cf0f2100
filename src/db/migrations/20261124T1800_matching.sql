-- Matching mentors to grants (issue 3 point 8): what the citizen needs and prefers, the mentor's own
-- facts, recorded relations that exclude a mentor, and the history of chosen mentors with reasons.
alter table citizens add column postcode text check (postcode ~ '^[0-9]{4}$');
alter table citizens add column language text;
alter table citizens add column barriers text[] not null default '{}';
alter table citizens add column preferred_mentor_gender text check (preferred_mentor_gender in ('female', 'male'));

alter table mentors add column postcode text check (postcode ~ '^[0-9]{4}$');
alter table mentors add column gender text check (gender in ('female', 'male', 'other'));

create table mentor_relations (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  mentor_id integer not null references mentors(id),
  citizen_id integer not null references citizens(id),
  reason text not null,
  unique (mentor_id, citizen_id)
);

create table mentor_assignments (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  grant_id integer not null references grants(id),
  mentor_id integer not null references mentors(id),
  reason text not null,
  chosen_by integer references users(id),
  chosen_at timestamptz not null default now()
);
create index mentor_assignments_grant_idx on mentor_assignments (grant_id);
