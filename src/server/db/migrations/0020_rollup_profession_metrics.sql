-- Issue 16 items 2, 3, 5 and 10: the per-profession report figures come from the rollups.
--
-- Until now the report read them with four grouped scans of the base tables on every read (72.6 s for a
-- region's five years at 1 M encounters on PGlite). The per-entity contributions of migration 0019 now
-- carry them too, with a profession dimension in the key; src/server/reports/rollups/compute.ts counts a
-- whole day the same way (fold.test.ts holds the two together). New metrics, counted per encounter:
--   pc_first   '<profession>:first|repeat|notRecorded'    per professional contact: "first time with me?"
--   pc_region  '<profession>:first|repeat|unknown'        per professional contact: encounters.is_first_visit
--   pc_anon    '<profession>:anonymous|notAnonymous|notRecorded'  per professional contact
--   pc_urgent  '<profession>:urgent|not_urgent'           per professional contact
--   pc_age     '<profession>:<age band>'                  per professional contact
--   pc_code    '<profession>:<kind>:<register>:<code>'    1 per encounter with the code and a professional of the profession
--   pc_ref     '<profession>' or 'unknownProfession'      referrals by the referrer's profession in that encounter,
--                                                         else the referrer's users.profession
--   joint_m    '<professions>:with|without'               encounters with two or more professionals, by their
--                                                         professions ('nurse+social_worker', byte order) and
--                                                         whether the encounter has a referral
-- and per held session, under metric 'sess' (so that a period reaching past today reads them up to today):
--   'hours_x100:<profession>'  session_professionals.hours × 100 by the professional's users.profession
--   'reception_s'              the session's opening time (ends_at − starts_at) in seconds
--
-- Two figures read users.profession, which is not a fact of the entity: the hours and the referrals of a
-- referrer who is not one of the encounter's professionals. A change of a user's profession therefore
-- retracts every session and encounter it moves (users_rollup_touch below), so the rollups follow the
-- current profession as the base-table reads did; a full rebuild (rebuild.ts) recounts the same.

create or replace function rollup_encounter_rows(p_id uuid)
returns table (site_id uuid, day date, session_kind text, metric text, key text, n bigint)
language sql stable as $$
  with e as (
    select e.id, e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date as day, coalesce(os.kind, '') as kind,
           e.visitor_code is null as anonymous, e.is_urgent, e.age_band, e.is_anonymous_to_professional,
           -- First ever in the region is derived for code holders only (issue 16 item 4); a code-less
           -- encounter's stored answer (older entries) is a meeting-level guess, counted as not known.
           case when e.visitor_code is not null then e.is_first_visit end as first_in_region,
           extract(isodow from e.occurred_at at time zone 'Europe/Helsinki')::int as dow,
           extract(hour from e.occurred_at at time zone 'Europe/Helsinki')::int as hr,
           (select count(*) from encounter_professionals p where p.encounter_id = e.id)::int as contacts
      from encounters e
      left join outreach_sessions os on os.id = e.session_id
     where e.id = p_id
  )
  select e.site_id, e.day, e.kind, v.metric, v.key, v.n::bigint
    from e cross join lateral (values
      ('enc', 'meetings', 1), ('enc', 'contacts', e.contacts), ('enc', 'joint', (e.contacts > 1)::int),
      ('enc', 'anonymous', e.anonymous::int), ('enc', 'urgent', e.is_urgent::int),
      ('enc', 'first', (e.first_in_region is true)::int), ('enc', 'repeat', (e.first_in_region is false)::int),
      ('age', e.age_band, 1), ('hour', e.dow || ':' || e.hr, 1)) as v (metric, key, n)
   where v.n > 0
  union all
  select e.site_id, e.day, e.kind, 'prof_m', p.profession, 1
    from e join (select distinct profession from encounter_professionals where encounter_id = p_id) p on true
  union all
  select e.site_id, e.day, e.kind, 'prof_c', p.profession, count(*)
    from e join encounter_professionals p on p.encounter_id = e.id group by 1, 2, 3, 5
  union all
  select e.site_id, e.day, e.kind, 'code', c.kind || ':' || c.register || ':' || c.code, count(*)
    from e join encounter_codes c on c.encounter_id = e.id group by 1, 2, 3, 5
  union all
  select e.site_id, e.day, e.kind, 'ref', r.service_id::text || ':' || r.status, count(*)
    from e join referrals r on r.encounter_id = e.id group by 1, 2, 3, 5
  union all
  select e.site_id, e.day, e.kind, v.metric, p.profession || ':' || v.key, count(*)
    from e join encounter_professionals p on p.encounter_id = e.id
    cross join lateral (values
      ('pc_first', case when p.is_first_with_professional then 'first' when not p.is_first_with_professional then 'repeat' else 'notRecorded' end),
      ('pc_region', case when e.first_in_region then 'first' when not e.first_in_region then 'repeat' else 'unknown' end),
      ('pc_anon', case when e.is_anonymous_to_professional then 'anonymous' when not e.is_anonymous_to_professional then 'notAnonymous' else 'notRecorded' end),
      ('pc_urgent', case when e.is_urgent then 'urgent' else 'not_urgent' end),
      ('pc_age', e.age_band)) as v (metric, key)
   group by 1, 2, 3, 4, 5
  union all
  select e.site_id, e.day, e.kind, 'pc_code', p.profession || ':' || c.kind || ':' || c.register || ':' || c.code, 1
    from e join (select distinct profession from encounter_professionals where encounter_id = p_id) p on true
    join encounter_codes c on c.encounter_id = e.id
  union all
  select e.site_id, e.day, e.kind, 'pc_ref', coalesce(p.profession, u.profession, 'unknownProfession'), count(*)
    from e join referrals r on r.encounter_id = e.id
    left join encounter_professionals p on p.encounter_id = r.encounter_id and p.user_id = r.referred_by
    left join users u on u.id = r.referred_by
   group by 1, 2, 3, 5
  union all
  select e.site_id, e.day, e.kind, 'joint_m',
         t.professions || ':' || case when exists (select 1 from referrals r where r.encounter_id = e.id) then 'with' else 'without' end, 1
    from e cross join lateral (
      select string_agg(p.profession, '+' order by p.profession collate "C") as professions, count(*) as size
        from encounter_professionals p where p.encounter_id = e.id) t
   where t.size > 1
$$;

create or replace function rollup_session_rows(p_id uuid)
returns table (site_id uuid, day date, session_kind text, metric text, key text, n bigint)
language sql stable as $$
  select s.site_id, s.day, s.kind, 'sess', 'held', 1::bigint
    from outreach_sessions s where s.id = p_id and not s.is_cancelled
  union all
  select s.site_id, s.day, s.kind, 'sess', 'hours_x100', sum(round(sp.hours * 100))::bigint
    from outreach_sessions s join session_professionals sp on sp.session_id = s.id
   where s.id = p_id and not s.is_cancelled
   group by s.site_id, s.day, s.kind
  having sum(round(sp.hours * 100)) <> 0
  union all
  select s.site_id, s.day, s.kind, 'sess', 'hours_x100:' || u.profession, sum(round(sp.hours * 100))::bigint
    from outreach_sessions s join session_professionals sp on sp.session_id = s.id join users u on u.id = sp.user_id
   where s.id = p_id and not s.is_cancelled and u.profession is not null
   group by s.site_id, s.day, s.kind, u.profession
  having sum(round(sp.hours * 100)) <> 0
  union all
  select s.site_id, s.day, s.kind, 'sess', 'reception_s', round(extract(epoch from s.ends_at - s.starts_at))::bigint
    from outreach_sessions s where s.id = p_id and not s.is_cancelled
$$;

-- The new figures read columns the 0019 triggers left out: whether the person stayed anonymous to the
-- professional, "first time with me?", which user a professional row is (a referrer is matched to it)
-- and a session's opening hours.
drop trigger encounters_rollup_touch_update on encounters;
create trigger encounters_rollup_touch_update before update on encounters
  for each row when ((old.site_id, old.session_id, old.occurred_at, old.visitor_code, old.is_urgent, old.is_first_visit, old.age_band, old.is_anonymous_to_professional)
                     is distinct from (new.site_id, new.session_id, new.occurred_at, new.visitor_code, new.is_urgent, new.is_first_visit, new.age_band, new.is_anonymous_to_professional))
  execute function rollup_touch_encounter();
drop trigger encounter_professionals_rollup_touch_update on encounter_professionals;
create trigger encounter_professionals_rollup_touch_update before update on encounter_professionals
  for each row when ((old.encounter_id, old.user_id, old.profession, old.is_first_with_professional)
                     is distinct from (new.encounter_id, new.user_id, new.profession, new.is_first_with_professional))
  execute function rollup_touch_encounter_child();
drop trigger outreach_sessions_rollup_touch_update on outreach_sessions;
create trigger outreach_sessions_rollup_touch_update before update on outreach_sessions
  for each row when ((old.site_id, old.day, old.kind, old.is_cancelled, old.starts_at, old.ends_at)
                     is distinct from (new.site_id, new.day, new.kind, new.is_cancelled, new.starts_at, new.ends_at))
  execute function rollup_touch_session();

-- A user's profession counts in their sessions' hours and in the referrals they made in encounters they
-- are not a professional of: retracted before the change (this BEFORE trigger reads the old profession),
-- reasserted at commit with the new one. Rare (an administrator's edit), and bounded by the user's own
-- sessions and referrals. (Written to apply again over itself: migration-0020.test.ts re-applies it to a
-- database with data and rollups, as an upgrade does.)
create or replace function rollup_touch_user() returns trigger language plpgsql as $$
declare
  moved uuid;
begin
  for moved in select distinct sp.session_id from session_professionals sp where sp.user_id = old.id order by 1 loop
    perform rollup_retract('s', moved);
  end loop;
  for moved in select distinct r.encounter_id from referrals r where r.referred_by = old.id order by 1 loop
    perform rollup_retract('e', moved);
  end loop;
  return new;
end $$;
drop trigger if exists users_rollup_touch on users;
create trigger users_rollup_touch before update on users
  for each row when (old.profession is distinct from new.profession)
  execute function rollup_touch_user();

-- Existing rollups lack the new metrics: every site-day with an encounter or a session is marked, and the
-- next fold recounts it (refresh.ts, as for a backfill), queueing only the difference, which is the new
-- metrics. Reports read the old figures meanwhile; the page says how fresh they are.
insert into report_rollup_dirty (site_id, day)
select distinct e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date from encounters e
union
select distinct s.site_id, s.day from outreach_sessions s;
