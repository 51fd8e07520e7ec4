-- Report rollups (issue 5): the encounter and session figures of the evaluation report, counted per
-- site, Helsinki period and session kind, so that a region's multi-year report sums a few thousand
-- rows instead of millions of encounters.
--
-- Three grains: 'd' (a day), 'm' (a month, period_start = its first day) and 'y' (a year). A report
-- period is cut into whole years, whole months and the days left over at either end.
-- metric/key pairs (n is a count unless said otherwise):
--   enc/meetings, enc/contacts (one per professional of each encounter), enc/joint, enc/anonymous,
--   enc/urgent, enc/first, enc/repeat; age/<band>; hour/<isodow>:<hour> (Helsinki time);
--   prof_m/<profession> encounters with such a professional, prof_c/<profession> their contacts;
--   code/<kind>:<register>:<code>; ref/<service id>:<status> referrals by their status now;
--   sess/held sessions not cancelled (by the session's day), sess/hours_x100 their professionals'
--   hours in hundredths (kept whole so sums stay exact).
-- session_kind is the kind of the encounter's (or the session's) outreach session, '' for an
-- encounter outside any session.
create table report_rollup (
  grain char(1) not null check (grain in ('d', 'm', 'y')),
  site_id uuid not null references sites(id),
  period_start date not null,
  session_kind text not null check (session_kind in ('', 'reception', 'group', 'other')),
  metric text not null,
  key text not null,
  n bigint not null,
  primary key (grain, site_id, period_start, session_kind, metric, key)
);

-- Site-days whose figures changed since their rollups were last computed. Triggers mark them in the
-- writing transaction, so no write path can forget; the server folds them in within seconds and
-- before every report (src/server/reports/rollups/refresh.ts). An append-only log on purpose: with a
-- unique key, two saves on the same site and day would queue behind each other's mark until commit.
create table report_rollup_dirty (
  site_id uuid not null,
  day date not null
);

create function rollup_mark_day(p_site uuid, p_day date) returns void language sql as $$
  insert into report_rollup_dirty (site_id, day) values (p_site, p_day)
$$;

create function rollup_mark_encounter_day(p_encounter uuid) returns void language sql as $$
  insert into report_rollup_dirty (site_id, day)
  select e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date from encounters e where e.id = p_encounter
$$;

create function rollup_mark_encounter() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_mark_day(old.site_id, (old.occurred_at at time zone 'Europe/Helsinki')::date);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_mark_day(new.site_id, (new.occurred_at at time zone 'Europe/Helsinki')::date);
  end if;
  return null;
end $$;
create trigger encounters_rollup_mark after insert or update or delete on encounters
  for each row execute function rollup_mark_encounter();

-- Codes, professionals and referrals count on their encounter's day. When the encounter itself is
-- being deleted the lookup finds nothing, and the encounter's own trigger has marked the day.
create function rollup_mark_encounter_child() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_mark_encounter_day(old.encounter_id);
  end if;
  if tg_op = 'INSERT' then
    perform rollup_mark_encounter_day(new.encounter_id);
  elsif tg_op = 'UPDATE' then
    if new.encounter_id is distinct from old.encounter_id then
      perform rollup_mark_encounter_day(new.encounter_id);
    end if;
  end if;
  return null;
end $$;
create trigger encounter_professionals_rollup_mark after insert or update or delete on encounter_professionals
  for each row execute function rollup_mark_encounter_child();
create trigger encounter_codes_rollup_mark after insert or update or delete on encounter_codes
  for each row execute function rollup_mark_encounter_child();
-- A referral's follow-up (memo, follow-up day, slip) does not change any figure: only its status,
-- service or encounter do.
create trigger referrals_rollup_mark after insert or delete or update of status, service_id, encounter_id on referrals
  for each row execute function rollup_mark_encounter_child();

-- A session counts on its own day; a change of its kind also moves its encounters between kinds.
create function rollup_mark_session() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_mark_day(old.site_id, old.day);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_mark_day(new.site_id, new.day);
  end if;
  if tg_op = 'UPDATE' then
    if new.kind is distinct from old.kind then
      insert into report_rollup_dirty (site_id, day)
      select distinct e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date from encounters e where e.session_id = new.id;
    end if;
  end if;
  return null;
end $$;
create trigger outreach_sessions_rollup_mark after insert or delete or update of site_id, day, kind, is_cancelled on outreach_sessions
  for each row execute function rollup_mark_session();

create function rollup_mark_session_professional() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    insert into report_rollup_dirty (site_id, day) select s.site_id, s.day from outreach_sessions s where s.id = old.session_id;
  end if;
  if tg_op <> 'DELETE' then
    insert into report_rollup_dirty (site_id, day) select s.site_id, s.day from outreach_sessions s where s.id = new.session_id;
  end if;
  return null;
end $$;
create trigger session_professionals_rollup_mark after insert or update or delete on session_professionals
  for each row execute function rollup_mark_session_professional();

-- Data written before this migration: every site-day with encounters or sessions is computed at the
-- first refresh.
insert into report_rollup_dirty (site_id, day)
select distinct site_id, (occurred_at at time zone 'Europe/Helsinki')::date from encounters
union
select distinct site_id, day from outreach_sessions;
