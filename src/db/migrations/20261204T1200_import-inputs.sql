-- Background jobs through a queue (issue 11): any server or worker process may run an import, so its input
-- (the CSV body or the uploaded register extract) is kept in the database, in parts of up to 4 MB, until the
-- import ends. `attempts` counts the runs of an import or analysis (a run after a dead process's expiry is
-- the second), so "each job runs exactly once" can be checked.
create table import_input_parts (
  municipality_id integer not null references municipalities(id),
  import_id integer not null references imports(id) on delete cascade,
  part integer not null check (part >= 0),
  data bytea not null,
  primary key (import_id, part)
);
alter table imports add column attempts integer not null default 0;
alter table effect_analyses add column attempts integer not null default 0;

select mentorspor_apply_tenancy();
