-- Tenancy in the database (issue 10): no row can point into another municipality, and the application
-- role sees and writes only the rows of the municipality set for its transaction.
--
-- 1. mentorspor_app: a non-owner role without login. Requests run under it (`set_config('role', …)` per
--    transaction, db/tenant-database.ts) with `mentorspor.municipality_id` set for the same transaction.
-- 2. Composite foreign keys: every key from a table with municipality_id to another such table becomes
--    (municipality_id, x_id) → parent (municipality_id, id), under its old name and delete rule.
-- 3. Row-level security on every table with municipality_id (and on the child tables that have none,
--    through their parent), for mentorspor_app only; the owner (migrations, CLI bulk work) is unaffected.
--
-- mentorspor_apply_tenancy() is idempotent: a later migration that adds a table calls it again, and
-- src/db/tenancy.db.test.ts fails when a table with municipality_id lacks its policy or composite keys.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'mentorspor_app') then
    create role mentorspor_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  null; -- created by a concurrent migration of another database in the same cluster
end $$;

do $$
begin
  -- The migrating user must be able to switch to the role (superusers always can).
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant mentorspor_app to %I', current_user);
  end if;
end $$;

-- Tables and sequences created later by the migrating user are usable by the role too (their
-- row-level security still needs mentorspor_apply_tenancy(), checked by src/db/tenancy.db.test.ts).
alter default privileges grant select, insert, update, delete on tables to mentorspor_app;
alter default privileges grant usage, select on sequences to mentorspor_app;

create or replace function mentorspor_current_municipality() returns integer
  language sql stable
  as $$ select nullif(current_setting('mentorspor.municipality_id', true), '')::integer $$;

create or replace function mentorspor_apply_tenancy() returns void
  language plpgsql
  as $fn$
declare
  fk record;
  t record;
  rule text;
begin
  execute format('grant usage on schema %I to mentorspor_app', current_schema());
  execute format('grant select, insert, update, delete on all tables in schema %I to mentorspor_app', current_schema());
  execute format('grant usage, select on all sequences in schema %I to mentorspor_app', current_schema());
  execute format('revoke all on schema_migrations from mentorspor_app');
  grant execute on function mentorspor_current_municipality() to mentorspor_app;

  -- Parents get a unique key (municipality_id, id) for the composite references.
  for t in
    select distinct c.confrelid::regclass as parent
    from pg_constraint c
    where c.contype = 'f' and array_length(c.conkey, 1) = 1
      and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'municipality_id' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'municipality_id' and not a.attisdropped)
  loop
    if not exists (
      select 1 from pg_constraint u
      where u.conrelid = t.parent and u.contype in ('u', 'p')
        and u.conkey::int2[] = array[
          (select attnum from pg_attribute where attrelid = t.parent and attname = 'municipality_id'),
          (select attnum from pg_attribute where attrelid = t.parent and attname = 'id')]::int2[]
    ) then
      execute format('alter table %s add constraint %I unique (municipality_id, id)', t.parent, replace(t.parent::text, '"', '') || '_municipality_id_id_key');
    end if;
  end loop;

  for fk in
    select c.conname, c.conrelid::regclass as child, c.confrelid::regclass as parent, a.attname as col, c.confdeltype
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and array_length(c.conkey, 1) = 1 and a.attname <> 'municipality_id'
      and exists (select 1 from pg_attribute x where x.attrelid = c.conrelid and x.attname = 'municipality_id' and not x.attisdropped)
      and exists (select 1 from pg_attribute x where x.attrelid = c.confrelid and x.attname = 'municipality_id' and not x.attisdropped)
  loop
    rule := case fk.confdeltype when 'c' then 'cascade' when 'r' then 'restrict' else 'no action' end;
    if fk.confdeltype not in ('a', 'c', 'r') then
      raise exception 'mentorspor_apply_tenancy: % on % has a delete rule a composite key cannot keep', fk.conname, fk.child;
    end if;
    execute format('alter table %s drop constraint %I, add constraint %I foreign key (municipality_id, %I) references %s (municipality_id, id) on delete %s',
      fk.child, fk.conname, fk.conname, fk.col, fk.parent, rule);
  end loop;

  for t in
    select c.oid::regclass as tbl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema()
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped)
  loop
    execute format('alter table %s enable row level security', t.tbl);
    if not exists (select 1 from pg_policy p where p.polrelid = t.tbl and p.polname = 'tenant_isolation') then
      execute format('create policy tenant_isolation on %s to mentorspor_app using (municipality_id = mentorspor_current_municipality()) with check (municipality_id = mentorspor_current_municipality())', t.tbl);
    end if;
  end loop;
end
$fn$;

select mentorspor_apply_tenancy();

-- The municipality row itself, and the child tables without municipality_id (through their parent,
-- whose own policy applies inside the subquery).
alter table municipalities enable row level security;
create policy tenant_isolation on municipalities to mentorspor_app using (id = mentorspor_current_municipality()) with check (id = mentorspor_current_municipality());
alter table instrument_indicators enable row level security;
create policy tenant_isolation on instrument_indicators to mentorspor_app
  using (exists (select 1 from instruments i where i.id = instrument_id)) with check (exists (select 1 from instruments i where i.id = instrument_id));
alter table measurement_values enable row level security;
create policy tenant_isolation on measurement_values to mentorspor_app
  using (exists (select 1 from measurements m where m.id = measurement_id)) with check (exists (select 1 from measurements m where m.id = measurement_id));
alter table register_mapping_codes enable row level security;
create policy tenant_isolation on register_mapping_codes to mentorspor_app
  using (exists (select 1 from register_mappings m where m.id = mapping_id)) with check (exists (select 1 from register_mappings m where m.id = mapping_id));
