-- Issue 19 item 4: good-practice descriptions with seed 002's seven questions (requirements-phase2 § 7.4),
-- linked to a pilot and the figures the coordinator publishes from it, and to services of the region's
-- catalogue. A description is published on a public page only when the coordinator chooses.
create table good_practices (
  id uuid primary key,
  region_id uuid not null references regions(id),
  title text not null check (length(title) between 1 and 200),
  organisation text not null check (length(organisation) between 1 and 200),
  author text not null check (length(author) between 1 and 200),
  described_on date not null,
  language text not null check (language in ('fi','sv','en')),
  -- The seven answers, one column per question, in the model's order.
  answer_model text not null default '' check (length(answer_model) <= 4000),
  answer_benefits text not null default '' check (length(answer_benefits) <= 4000),
  answer_challenges text not null default '' check (length(answer_challenges) <= 4000),
  answer_region_wide text not null default '' check (length(answer_region_wide) <= 4000),
  answer_improvements text not null default '' check (length(answer_improvements) <= 4000),
  answer_client_example text not null default '' check (length(answer_client_example) <= 4000),
  answer_supports_client_work text not null default '' check (length(answer_supports_client_work) <= 4000),
  pilot_id uuid references pilots(id),
  -- [{ "label": ..., "value": ... }]: figures of the pilot chosen for publication.
  figures jsonb not null default '[]' check (jsonb_typeof(figures) = 'array'),
  status text not null check (status in ('draft','published')),
  published_at timestamptz,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'published') = (published_at is not null))
);
create index good_practices_region on good_practices (region_id, status);

create table good_practice_services (
  good_practice_id uuid not null references good_practices(id) on delete cascade,
  service_id uuid not null references services(id),
  primary key (good_practice_id, service_id)
);
