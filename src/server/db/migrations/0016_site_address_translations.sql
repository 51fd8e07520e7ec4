-- Issue 17 item 17: a short public address for each site (/s/<slug>) and Swedish and English
-- versions of the texts the public page and poster show.
--
-- The slug is unique in the whole instance, not only in the region: the typed address carries no
-- region, so two regions on one instance must not both have /s/keskusta (docs/ARCHITECTURE.md).

-- The address suggested from a name: Finnish and Swedish letters transliterated (ä→a, ö→o, å→a),
-- everything else than a–z and 0–9 a hyphen, at most 60 characters. The same rule as
-- suggestSlug in src/domain/site-address.ts (lower() alone is not enough: a C-locale database
-- does not lower-case Ä).
create function site_slug_base(site_name text) returns text language sql immutable as $$
  select coalesce(nullif(trim(both '-' from left(trim(both '-' from regexp_replace(
    lower(translate(site_name, 'ÄÖÅäöåÉéÈèÜüÁáÀàÕõ', 'AOAaoaEeEeUuAaAaOo')), '[^a-z0-9]+', '-', 'g')), 60)), ''), 'paikka')
$$;

-- A free address from the name: the base, or the base with -2, -3, … when it is taken.
create function site_slug_free(site_name text, own_id uuid) returns text language plpgsql as $$
declare
  base text := site_slug_base(site_name);
  candidate text := base;
  n int := 1;
begin
  while exists (select 1 from sites where slug = candidate and id <> own_id) loop
    n := n + 1;
    candidate := trim(both '-' from left(base, 55)) || '-' || n;
  end loop;
  return candidate;
end $$;

alter table sites add column slug text;

do $$
declare r record;
begin
  for r in select id, name from sites order by created_at, id loop
    update sites set slug = site_slug_free(r.name, r.id) where id = r.id;
  end loop;
end $$;

alter table sites alter column slug set not null;
alter table sites add constraint sites_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?$' and slug not like '%--%');
create unique index sites_slug_key on sites (slug);

-- A site inserted without an address (older code paths, tools, tests) gets one from its name.
create function sites_fill_slug() returns trigger language plpgsql as $$
begin
  if new.slug is null then new.slug := site_slug_free(new.name, new.id); end if;
  return new;
end $$;
create trigger sites_fill_slug before insert on sites for each row execute function sites_fill_slug();

-- Optional Swedish and English versions, {"sv": "…", "en": "…"}; Finnish stays in the original column,
-- and a reader in another language sees the Finnish text where no translation was written.
alter table sites add column name_translations jsonb not null default '{}';
-- Keyed by the Finnish room name, as sessions and groups store the room by that name.
alter table sites add column room_translations jsonb not null default '{}';
alter table session_series add column public_note_translations jsonb not null default '{}';
alter table outreach_sessions add column public_note_translations jsonb not null default '{}';
alter table group_series add column description_translations jsonb not null default '{}';
