-- Issue 16: saves with rollup maintenance at ≥ 0.8 × saves without (bench/report/save-throughput.ts).
--
-- Migration 0020 made each saved encounter queue about twice the delta rows of 0019 (some 16 for one
-- professional and two codes: enc, age, hour, prof_m, prof_c, code, pc_first, pc_region, pc_anon,
-- pc_urgent, pc_age and pc_code rows), from nine branches of rollup_encounter_rows. Most of them are
-- marginals of a few facts of the encounter. An encounter now queues one row of its own facts, one per
-- combination of its professionals' answers, one per code and one per referral, under four queue-only
-- metrics, from four branches; the fold (src/server/reports/rollups/fold.ts) sums the queue per key
-- first and then expands them into the same rollup keys as before (rollup_expand below), so the
-- rollups, the recount (compute.ts) and every figure stay exactly as they were. The expansion is linear
-- (each queued key stands for a fixed set of rollup keys, each counted k times), so summing before or
-- after it gives the same sums, retractions (negative n) included.
--   x_e  '<anonymous t|f>|<urgent t|f>|<first in region t|f|>|<age band>|<weekday:hour>|<contacts>|<professions>|<joint>'
--        → enc meetings, contacts, joint, anonymous, urgent, first, repeat; age; hour; prof_m per
--          profession; joint_m '<joint>' when the meeting was joint (its key as migration 0020 made it)
--   x_p  '<profession>|<first with professional t|f|>|<first in region t|f|>|<anonymous to professional t|f|>|<urgent t|f>|<age band>'
--        (n = contacts with these answers) → prof_c, pc_first, pc_region, pc_anon, pc_urgent, pc_age
--   x_c  '<professions>|<kind:register:code>' → code, and pc_code per profession
--   x_r  '<service id>:<status>|<referrer's profession or unknownProfession>' → ref, pc_ref
-- <professions> is the encounter's distinct professions joined by '+' (profession names hold neither '+'
-- nor '|'; the code comes last, so a code may hold anything). Queue rows written before this migration
-- carry rollup keys and fold as they are.

create function rollup_expand(p_metric text, p_key text)
returns table (metric text, key text, k bigint)
language sql immutable as $$
  select p_metric, p_key, 1::bigint where p_metric not in ('x_e', 'x_p', 'x_c', 'x_r')
  union all
  select v.metric, v.key, v.k::bigint
    from (select split_part(p_key, '|', 1) = 't' as anonymous, split_part(p_key, '|', 2) = 't' as urgent,
                 split_part(p_key, '|', 3) as first, split_part(p_key, '|', 4) as age, split_part(p_key, '|', 5) as hour,
                 split_part(p_key, '|', 6)::int as contacts) x
    cross join lateral (values
      ('enc', 'meetings', 1), ('enc', 'contacts', x.contacts), ('enc', 'joint', (x.contacts > 1)::int),
      ('enc', 'anonymous', x.anonymous::int), ('enc', 'urgent', x.urgent::int),
      ('enc', 'first', (x.first = 't')::int), ('enc', 'repeat', (x.first = 'f')::int),
      ('age', x.age, 1), ('hour', x.hour, 1)) as v (metric, key, k)
   where p_metric = 'x_e' and v.k > 0
  union all
  select 'prof_m', p.profession, 1
    from unnest(string_to_array(split_part(p_key, '|', 7), '+')) as p (profession)
   where p_metric = 'x_e'
  union all
  select 'joint_m', split_part(p_key, '|', 8), 1 where p_metric = 'x_e' and split_part(p_key, '|', 8) <> ''
  union all
  select v.metric, x.profession || ':' || v.key, 1
    from (select split_part(p_key, '|', 1) as profession, split_part(p_key, '|', 2) as first_with, split_part(p_key, '|', 3) as first_in_region,
                 split_part(p_key, '|', 4) as anonymous_to, split_part(p_key, '|', 5) as urgent, split_part(p_key, '|', 6) as age) x
    cross join lateral (values
      ('pc_first', case x.first_with when 't' then 'first' when 'f' then 'repeat' else 'notRecorded' end),
      ('pc_region', case x.first_in_region when 't' then 'first' when 'f' then 'repeat' else 'unknown' end),
      ('pc_anon', case x.anonymous_to when 't' then 'anonymous' when 'f' then 'notAnonymous' else 'notRecorded' end),
      ('pc_urgent', case x.urgent when 't' then 'urgent' else 'not_urgent' end),
      ('pc_age', x.age)) as v (metric, key)
   where p_metric = 'x_p'
  union all
  select 'prof_c', split_part(p_key, '|', 1), 1 where p_metric = 'x_p'
  union all
  select 'code', substr(p_key, position('|' in p_key) + 1), 1 where p_metric = 'x_c'
  union all
  select 'pc_code', p.profession || ':' || substr(p_key, position('|' in p_key) + 1), 1
    from unnest(string_to_array(split_part(p_key, '|', 1), '+')) as p (profession)
   where p_metric = 'x_c'
  union all
  select 'ref', split_part(p_key, '|', 1), 1 where p_metric = 'x_r'
  union all
  select 'pc_ref', split_part(p_key, '|', 2), 1 where p_metric = 'x_r'
$$;

-- The queue rows are expanded with rollup_expand wherever they are read as figures: the fold, and the
-- recount's correction, which takes what is still queued into account (compute.ts).
create view report_rollup_delta_expanded as
  select q.site_id, q.day, q.session_kind, x.metric, x.key, q.n * x.k as n
    from report_rollup_delta q cross join lateral rollup_expand(q.metric, q.key) x;

-- The same contributions as migration 0020's, in fewer rows (see the top); fold.test.ts compares the
-- folded rollups with a recount on both engines.
create or replace function rollup_encounter_rows(p_id uuid)
returns table (site_id uuid, day date, session_kind text, metric text, key text, n bigint)
language sql stable as $$
  with e as (
    select e.id, e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date as day, coalesce(os.kind, '') as kind,
           e.visitor_code is null as anonymous, e.is_urgent, e.age_band, e.is_anonymous_to_professional,
           case when e.visitor_code is not null then e.is_first_visit end as first_in_region,
           extract(isodow from e.occurred_at at time zone 'Europe/Helsinki')::int as dow,
           extract(hour from e.occurred_at at time zone 'Europe/Helsinki')::int as hr,
           p.contacts, p.professions,
           -- joint_m's key as migration 0020 made it: every professional's profession in byte order.
           case when p.contacts > 1 then p.joint_professions || ':' ||
             case when exists (select 1 from referrals r where r.encounter_id = e.id) then 'with' else 'without' end
           else '' end as joint
      from encounters e
      left join outreach_sessions os on os.id = e.session_id
      cross join lateral (
        select count(*)::int as contacts, coalesce(string_agg(distinct ep.profession, '+' order by ep.profession), '') as professions,
               string_agg(ep.profession, '+' order by ep.profession collate "C") as joint_professions
          from encounter_professionals ep where ep.encounter_id = e.id) p
     where e.id = p_id
  )
  select e.site_id, e.day, e.kind, 'x_e',
         concat_ws('|', case when e.anonymous then 't' else 'f' end, case when e.is_urgent then 't' else 'f' end,
                   case e.first_in_region when true then 't' when false then 'f' else '' end,
                   e.age_band, e.dow || ':' || e.hr, e.contacts, e.professions, e.joint),
         1::bigint
    from e
  union all
  select e.site_id, e.day, e.kind, 'x_p',
         concat_ws('|', p.profession, case p.is_first_with_professional when true then 't' when false then 'f' else '' end,
                   case e.first_in_region when true then 't' when false then 'f' else '' end,
                   case e.is_anonymous_to_professional when true then 't' when false then 'f' else '' end,
                   case when e.is_urgent then 't' else 'f' end, e.age_band),
         count(*)
    from e join encounter_professionals p on p.encounter_id = e.id group by 1, 2, 3, 5
  union all
  select e.site_id, e.day, e.kind, 'x_c', e.professions || '|' || c.kind || ':' || c.register || ':' || c.code, count(*)
    from e join encounter_codes c on c.encounter_id = e.id group by 1, 2, 3, 5
  union all
  -- A referrer is at most one professional row of the encounter (its key is encounter and user).
  select e.site_id, e.day, e.kind, 'x_r', r.service_id::text || ':' || r.status || '|' || coalesce(p.profession, u.profession, 'unknownProfession'), count(*)
    from e join referrals r on r.encounter_id = e.id
    left join encounter_professionals p on p.encounter_id = r.encounter_id and p.user_id = r.referred_by
    left join users u on u.id = r.referred_by
   group by 1, 2, 3, 5
$$;
