-- Register spells keyed by municipality, citizen and week (issue 12). The spells had two indexes: the
-- primary key on id and (citizen_id, from_week). Every row of a national-size import paid for both:
-- PostgreSQL's own COPY of 8.5 M spells took 18.0 s with them and 11.0 s with this one key (psql, same
-- session, 4 December 2026). The key leads with the municipality, as every read of spells does (the risk
-- set's citizen ranges, the cohort reports, the outcome statuses). id stays, drawn from the same sequence
-- (a national-size import reserves a range of it), so it is unique by construction and still tells an
-- import's own spells (above the last id before it) from the older ones.
alter table register_status_spells drop constraint register_status_spells_pkey;
drop index register_status_spells_citizen_idx;
alter table register_status_spells add constraint register_status_spells_pkey primary key (municipality_id, citizen_id, from_week, id);
