-- Issue 20, item 4: regional indicators, context beside Silta's own figures (requirements-phase2 § 8.6).
-- They are published statistics about areas (never about a client) and are never mixed into client-level
-- figures. THL's Sotkanet is imported in its REST JSON shapes; Statistics Finland's and the employment
-- ministry's figures are entered by hand. Every indicator keeps its source and licence attribution.
create table indicators (
  id uuid primary key,
  region_id uuid not null references regions(id),
  source text not null check (source in ('sotkanet','statistics_finland','tem','other')),
  -- The source's own id: Sotkanet's indicator number, or the table's name at Statistics Finland.
  source_ref text not null check (length(btrim(source_ref)) between 1 and 100),
  title_fi text not null check (length(btrim(title_fi)) between 1 and 500),
  title_sv text check (title_sv is null or length(title_sv) <= 500),
  title_en text check (title_en is null or length(title_en) <= 500),
  unit text check (unit is null or length(unit) <= 50),
  decimals integer check (decimals between 0 and 6),
  -- Shown with every value: who published it, under which licence.
  attribution text not null check (length(btrim(attribution)) between 1 and 500),
  licence text check (licence is null or length(licence) <= 100),
  licence_url text check (licence_url is null or length(licence_url) <= 500),
  -- Demo and test values in Sotkanet's format that claim no real indicator's meaning.
  is_example boolean not null default false,
  data_updated text check (data_updated is null or length(data_updated) <= 40),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (region_id, source, source_ref)
);

-- Values as published, per area, year and gender; null when the source gives none (missing or suppressed).
create table indicator_values (
  indicator_id uuid not null references indicators(id),
  -- Sotkanet's region id (e.g. the whole country's), as text so that hand-entered areas fit too.
  area_code text not null check (length(btrim(area_code)) between 1 and 40),
  year integer not null check (year between 1900 and 2100),
  gender text not null check (gender in ('total','male','female')),
  value double precision,
  retrieved_on date not null,
  primary key (indicator_id, area_code, year, gender)
);

-- Sotkanet's areas (/rest/1.1/regions) as a region last imported them, to name the codes of the values.
create table indicator_areas (
  region_id uuid not null references regions(id),
  area_code text not null check (length(btrim(area_code)) between 1 and 40),
  category text check (category is null or length(category) <= 40),
  code text check (code is null or length(code) <= 40),
  title_fi text not null check (length(btrim(title_fi)) between 1 and 200),
  title_sv text,
  title_en text,
  primary key (region_id, area_code)
);

-- Which area is "our region" and which is "the whole country" on the panels.
create table indicator_area_choices (
  region_id uuid primary key references regions(id),
  home_area_code text not null check (length(btrim(home_area_code)) between 1 and 40),
  country_area_code text not null check (length(btrim(country_area_code)) between 1 and 40),
  updated_by uuid references users(id),
  updated_at timestamptz not null
);
