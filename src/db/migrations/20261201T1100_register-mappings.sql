-- Register code mappings (issue 5): per municipality, a table from register codes to the outcome
-- categories of domain spec §4.2. The built-in DST (verified) and DREAM (unverified template) mappings
-- are written by the application on first use (key 'dst' / 'dream'); custom ones have no key.
create table register_mappings (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  key text check (key in ('dst', 'dream')),
  name text not null,
  verified boolean not null,
  source_note text not null default '',
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (municipality_id, key)
);

create table register_mapping_codes (
  mapping_id integer not null references register_mappings(id) on delete cascade,
  code text not null,
  category text not null,
  primary key (mapping_id, code)
);
