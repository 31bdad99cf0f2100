-- Import history and progress in % (issue 14): the uploaded file's name (null for a CSV request body) and the
-- input's size in bytes, so any process can turn the bytes read into a percentage.
alter table imports add column file_name text check (file_name is null or length(file_name) <= 255);
alter table imports add column input_bytes bigint check (input_bytes is null or input_bytes >= 0);
