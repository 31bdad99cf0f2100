-- Import runs (issue 5): what was imported, its progress, counts and the bad rows with line numbers.
create table imports (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  kind text not null,
  status text not null check (status in ('running', 'done', 'failed')),
  counts jsonb not null default '{}'::jsonb,
  errors jsonb not null default '[]'::jsonb,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
