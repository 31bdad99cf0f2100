-- Follow-up of mentor courses (issue 5 points 5–6; domain spec §5.4, §8.1–8.3): configurable
-- progression instruments with indicators, measurements per grant, end-of-course surveys.
-- Attendance needs no table: it is computed from contacts.attended.

create table instruments (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  -- The instrument across its versions; a new version keeps the key.
  key text not null,
  version integer not null check (version >= 1),
  name text not null,
  licence_note text not null,
  cadence_months integer not null default 3 check (cadence_months between 1 and 24),
  disagreement_threshold integer not null default 2 check (disagreement_threshold >= 1),
  is_default boolean not null default false,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (municipality_id, key, version)
);

create table instrument_indicators (
  id serial primary key,
  instrument_id integer not null references instruments(id),
  position integer not null,
  code text not null,
  label_da text not null,
  label_en text not null,
  -- Who is asked the indicator: the citizen, the mentor (about the citizen) and/or the caseworker.
  respondents text[] not null check (cardinality(respondents) > 0 and respondents <@ array['citizen', 'mentor', 'caseworker']::text[]),
  scale_min integer not null,
  scale_max integer not null,
  -- [{ value, da, en }]: texts for the ends and any point of the scale.
  anchors jsonb not null default '[]',
  check (scale_min < scale_max),
  unique (instrument_id, code)
);

create table measurements (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  grant_id integer not null references grants(id),
  instrument_id integer not null references instruments(id),
  measured_on date not null,
  respondent text not null check (respondent in ('citizen', 'mentor', 'caseworker')),
  -- 'self': the respondent entered it; 'paper' / 'in_person': a mentor or caseworker entered answers
  -- the respondent gave on paper or in a meeting.
  entry_mode text not null check (entry_mode in ('self', 'paper', 'in_person')),
  entered_by integer not null references users(id),
  entered_by_role text not null,
  created_at timestamptz not null default now()
);
create index measurements_grant_idx on measurements (grant_id, measured_on);

create table measurement_values (
  measurement_id integer not null references measurements(id),
  indicator_code text not null,
  value integer not null,
  primary key (measurement_id, indicator_code)
);

-- A used instrument version is immutable (edit = new version): refuse changes once measured.
create function forbid_used_instrument_change() returns trigger language plpgsql as $$
begin
  if exists (select 1 from measurements m where m.instrument_id = old.id) then
    raise exception 'instrument % has measurements and is immutable', old.id using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger instruments_frozen_when_used before update or delete on instruments
  for each row execute function forbid_used_instrument_change();
create function forbid_used_indicator_change() returns trigger language plpgsql as $$
begin
  if exists (select 1 from measurements m where m.instrument_id = old.instrument_id) then
    raise exception 'instrument % has measurements and is immutable', old.instrument_id using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger instrument_indicators_frozen_when_used before update or delete on instrument_indicators
  for each row execute function forbid_used_indicator_change();

-- The questions of the two end-of-course surveys; every change is a new version.
create table survey_definitions (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  kind text not null check (kind in ('citizen_end', 'mentor_end')),
  version integer not null check (version >= 1),
  -- [{ code, textDa, textEn, answerType: scale|yes_no|free_text, scaleMin?, scaleMax? }]
  questions jsonb not null,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (municipality_id, kind, version)
);

create table survey_responses (
  id serial primary key,
  municipality_id integer not null references municipalities(id),
  grant_id integer not null references grants(id),
  kind text not null check (kind in ('citizen_end', 'mentor_end')),
  -- The questions as answered (a copy of the definition's questions), and { code: value } answers.
  questions jsonb not null,
  answers jsonb not null,
  responded_on date not null,
  entry_mode text not null check (entry_mode in ('self', 'paper', 'in_person')),
  entered_by integer not null references users(id),
  created_at timestamptz not null default now(),
  -- At most one of each kind per course.
  unique (grant_id, kind)
);
