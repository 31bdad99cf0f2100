-- Case-system history import (issue 5 point 1): the stable key of each imported row, so importing the
-- same export again updates instead of duplicating. Rows entered in Mentorspor itself keep null.
-- Grants: the case system's id, unique per municipality. Target-group spells and offers: the case
-- system's id or, when the export has none, "<group>@<fromDate>" / "<type>@<startDate>", unique per citizen.
alter table grants add column external_id text;
alter table grants add constraint grants_external_id_key unique (municipality_id, external_id);
alter table target_group_spells add column external_id text;
alter table target_group_spells add constraint target_group_spells_external_id_key unique (citizen_id, external_id);
alter table offers add column external_id text;
alter table offers add constraint offers_external_id_key unique (citizen_id, external_id);
