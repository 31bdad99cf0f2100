-- Import runs (issue 5): warnings next to errors, e.g. that the mapping used is not verified (DREAM, §4.4 [U]).
alter table imports add column warnings jsonb not null default '[]'::jsonb;
