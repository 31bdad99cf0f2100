-- In-app effect analyses (issue 6 point 5): jobs are kept in the database so that their status and
-- results survive a restart of the server; a job still 'running' when the process stopped is marked
-- failed ('INTERRUPTED') at the next start.
create table effect_analyses (
  id uuid primary key,
  municipality_id integer not null references municipalities(id),
  parameters jsonb not null,
  status text not null check (status in ('running', 'done', 'failed')),
  phase text,
  progress double precision not null default 0 check (progress >= 0 and progress <= 1),
  results jsonb not null default '[]'::jsonb,
  error_code text check (error_code in ('INTERRUPTED', 'FAILED')),
  error text,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index effect_analyses_municipality_idx on effect_analyses (municipality_id, created_at desc);
create index effect_analyses_running_idx on effect_analyses (status) where status = 'running';
