-- Issue 10 (throughput) / issue 14 (DUPLICATE_CONTACT): one contact per grant and start time, kept by the
-- database itself, so logging a contact needs no lock and no separate existence check
-- (contacts-repository.ts createUnlessDuplicate: insert … on conflict do nothing).
-- A database that already holds such duplicates (only possible before 3 December 2026) stops here with
-- their number: they are a caseworker's to merge, not the migration's to delete.
do $$
declare
  duplicated integer;
begin
  select count(*) into duplicated from (select 1 from contacts group by grant_id, at having count(*) > 1) d;
  if duplicated > 0 then
    raise exception 'contacts: % grant/start-time pairs are registered more than once; merge them before upgrading', duplicated;
  end if;
end
$$;

drop index contacts_grant_idx;
create unique index contacts_grant_at_key on contacts (grant_id, at);
