-- Issue 19, item 1: the service tray (palvelutarjotin). The referral targets of migration 0002 stay the
-- identity of a service (referrals and other features keep pointing at services.id); a service gains an
-- editorial life on the tray: an owning unit, a responsible person, versions of its nine-field
-- description, draft -> published -> archived, and a review-due day. 'none' is a referral target that has
-- no tray description (the region's older directory rows).

-- Organisations that organise or produce services (the municipality, the county, a third-sector
-- association, a parish): HSDS organizations, PTV organizations. Not staff units.
create table service_organizations (
  id uuid primary key,
  region_id uuid not null references regions(id),
  name_fi text not null check (length(btrim(name_fi)) between 1 and 200),
  name_sv text not null default '' check (length(name_sv) <= 200),
  name_en text not null default '' check (length(name_en) <= 200),
  -- The Finnish business id (Y-tunnus), when the organisation has one.
  business_id text check (business_id ~ '^[0-9]{7}-[0-9]$'),
  website text not null default '' check (length(website) <= 500),
  email text not null default '' check (length(email) <= 200),
  -- The organisation's id in Suomi.fi's service catalogue (PTV), when imported from there.
  ptv_id uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (region_id, ptv_id)
);

alter table services
  add column owner_unit_id uuid references units(id),
  add column responsible_user_id uuid references users(id),
  add column tray_status text not null default 'none' check (tray_status in ('none', 'draft', 'published', 'archived')),
  -- The latest saved version (0: none yet) and the version the public sees (null: none).
  add column current_version integer not null default 0 check (current_version >= 0),
  add column published_version integer check (published_version >= 1 and published_version <= current_version),
  add column published_at timestamptz,
  add column review_due_on date,
  -- "Checked on <day> by <unit>", shown publicly: set at publication and at each review.
  add column checked_on date,
  add column checked_by_unit_id uuid references units(id),
  add column ptv_id uuid,
  -- What HSDS's modified_after compares with: the last change the public can see (publish, review, archive).
  add column public_modified_at timestamptz;

alter table services add constraint services_published_has_version check (tray_status <> 'published' or published_version is not null);
create unique index services_region_ptv on services (region_id, ptv_id) where ptv_id is not null;
create index services_tray_public on services (tray_status, public_modified_at) where tray_status = 'published';

-- Every saved description is a version; nothing is overwritten. The published one is named by
-- services.published_version; editing a published service makes a new version while the old one stays public.
create table service_versions (
  service_id uuid not null references services(id),
  version integer not null check (version >= 1),
  content jsonb not null,
  -- Staff ids (not foreign keys: the demo's seeder and an import run by the system have none).
  saved_by uuid not null,
  saved_at timestamptz not null,
  published_by uuid,
  published_at timestamptz,
  primary key (service_id, version)
);
