-- Issue 16 item 10: the report rollups follow writes by queued deltas instead of site-day recounts.
--
-- Until now the triggers marked a changed site-day and the refresh recounted all of that day's
-- encounters, under a lock every report read waited for; on a busy day each save recounted thousands
-- of encounters. Now every write queues its own change of the rollup figures (+n/-n per site, day,
-- session kind, metric and key) in the writing transaction, and the refresh folds the queue into the
-- rollups in batches (src/server/reports/rollups/fold.ts). Reads never wait for the fold.
--
-- How a write's change is found, exactly: the figures are sums of independent contributions of three
-- kinds of entities, an encounter ('e': its row, professionals, codes, referrals and its session's
-- kind), a session ('s': held, professionals' hours) and a feedback response ('f': the response and its
-- answers). The first time a transaction touches an entity (a BEFORE trigger on any table it is made
-- of), the entity's contribution as it stands is queued with a minus sign and the entity is recorded
-- in report_rollup_pending; at commit a deferred trigger queues its contribution as it then stands,
-- with a plus sign. The sum of the queue is therefore the change of the figures, whatever the order
-- or number of statements, and including the first-visit changes a save causes to other encounters of
-- the same visitor code (their is_first_visit update goes through the same trigger).
-- The pending row's primary key serialises transactions on one entity: a second transaction touching it
-- waits for the first to commit before it reads the contribution it takes away.
-- The contributions below must count as src/server/reports/rollups/compute.ts counts a whole day; the
-- randomised test (fold.test.ts) compares folded rollups against a recount on both engines.

create table report_rollup_delta (
  site_id uuid not null,
  day date not null,
  session_kind text not null,
  metric text not null,
  key text not null,
  n bigint not null
);

create table report_rollup_pending (
  kind char(1) not null check (kind in ('e', 's', 'f')),
  id uuid not null,
  primary key (kind, id)
);

-- When the queue was last folded: figures include every change committed before folded_at.
create table report_rollup_state (
  id boolean primary key default true check (id),
  folded_at timestamptz
);
insert into report_rollup_state (id, folded_at) values (true, null);

-- The fold deletes rows that reached zero; these indexes find them without reading the tables.
create index report_rollup_zero on report_rollup (grain) where n = 0;
create index report_rollup_region_zero on report_rollup_region (grain) where n = 0;

create function rollup_encounter_rows(p_id uuid)
returns table (site_id uuid, day date, session_kind text, metric text, key text, n bigint)
language sql stable as $$
  with e as (
    select e.id, e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date as day, coalesce(os.kind, '') as kind,
           e.visitor_code is null as anonymous, e.is_urgent, e.is_first_visit, e.age_band,
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
      ('enc', 'first', (e.is_first_visit is true)::int), ('enc', 'repeat', (e.is_first_visit is false)::int),
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
$$;

create function rollup_session_rows(p_id uuid)
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
$$;

create function rollup_feedback_rows(p_id uuid)
returns table (site_id uuid, day date, session_kind text, metric text, key text, n bigint)
language sql stable as $$
  with f as (
    select f.id, f.site_id, f.submitted_on as day, coalesce(os.kind, '') as kind, f.form_version_id, f.group_session_id
      from feedback_responses f
      left join outreach_sessions os on os.id = f.outreach_session_id
     where f.id = p_id
  )
  select f.site_id, f.day, f.kind, 'fb_resp', f.form_version_id::text, 1::bigint from f
  union all
  select f.site_id, f.day, f.kind, 'fb_outside', f.form_version_id::text, 1::bigint from f where f.group_session_id is null
  union all
  select f.site_id, f.day, f.kind, 'fb_ans', a.item_id::text || ':' || case when a.is_not_applicable then 'na' else a.score::text end, count(*)
    from f join feedback_answers a on a.response_id = f.id
   where a.score is not null or a.is_not_applicable
   group by 1, 2, 3, 5
$$;

create function rollup_queue(p_kind char, p_id uuid, p_sign int) returns void language plpgsql as $$
begin
  if p_kind = 'e' then
    insert into report_rollup_delta (site_id, day, session_kind, metric, key, n)
    select r.site_id, r.day, r.session_kind, r.metric, r.key, p_sign * r.n from rollup_encounter_rows(p_id) r;
  elsif p_kind = 's' then
    insert into report_rollup_delta (site_id, day, session_kind, metric, key, n)
    select r.site_id, r.day, r.session_kind, r.metric, r.key, p_sign * r.n from rollup_session_rows(p_id) r;
  else
    insert into report_rollup_delta (site_id, day, session_kind, metric, key, n)
    select r.site_id, r.day, r.session_kind, r.metric, r.key, p_sign * r.n from rollup_feedback_rows(p_id) r;
  end if;
end $$;

-- The first touch of an entity in a transaction takes its contribution away (see the top). Each
-- statement of a PL/pgSQL function reads a fresh snapshot, so after waiting on another transaction's
-- pending row the contribution read includes that transaction's changes.
create function rollup_retract(p_kind char, p_id uuid) returns void language plpgsql as $$
begin
  if p_id is null then
    return;
  end if;
  insert into report_rollup_pending (kind, id) values (p_kind, p_id) on conflict do nothing;
  if found then
    perform rollup_queue(p_kind, p_id, -1);
  end if;
end $$;

-- At commit: the entity's contribution as the transaction leaves it.
create function rollup_reassert() returns trigger language plpgsql as $$
begin
  perform rollup_queue(new.kind, new.id, 1);
  delete from report_rollup_pending where kind = new.kind and id = new.id;
  return null;
end $$;
create constraint trigger report_rollup_pending_reassert after insert on report_rollup_pending
  deferrable initially deferred for each row execute function rollup_reassert();

drop trigger encounters_rollup_mark on encounters;
drop trigger encounter_professionals_rollup_mark on encounter_professionals;
drop trigger encounter_codes_rollup_mark on encounter_codes;
drop trigger referrals_rollup_mark on referrals;
drop trigger outreach_sessions_rollup_mark on outreach_sessions;
drop trigger session_professionals_rollup_mark on session_professionals;
drop trigger feedback_responses_rollup_mark on feedback_responses;
drop trigger feedback_answers_rollup_mark on feedback_answers;

create function rollup_touch_encounter() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_retract('e', old.id);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_retract('e', new.id);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
-- Only the columns the figures read; the first-visit recount rewrites every encounter of a code, and
-- those whose flag stays are no change.
create trigger encounters_rollup_touch before insert or delete on encounters
  for each row execute function rollup_touch_encounter();
create trigger encounters_rollup_touch_update before update on encounters
  for each row when ((old.site_id, old.session_id, old.occurred_at, old.visitor_code, old.is_urgent, old.is_first_visit, old.age_band)
                     is distinct from (new.site_id, new.session_id, new.occurred_at, new.visitor_code, new.is_urgent, new.is_first_visit, new.age_band))
  execute function rollup_touch_encounter();

create function rollup_touch_encounter_child() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_retract('e', old.encounter_id);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_retract('e', new.encounter_id);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
create trigger encounter_professionals_rollup_touch before insert or delete on encounter_professionals
  for each row execute function rollup_touch_encounter_child();
create trigger encounter_professionals_rollup_touch_update before update on encounter_professionals
  for each row when ((old.encounter_id, old.profession) is distinct from (new.encounter_id, new.profession))
  execute function rollup_touch_encounter_child();
create trigger encounter_codes_rollup_touch before insert or delete or update on encounter_codes
  for each row execute function rollup_touch_encounter_child();
-- A referral's follow-up (memo, follow-up day, slip) changes no figure; its referrer is kept with it as
-- in migration 0015, for figures by the referring profession.
create trigger referrals_rollup_touch before insert or delete on referrals
  for each row execute function rollup_touch_encounter_child();
create trigger referrals_rollup_touch_update before update on referrals
  for each row when ((old.encounter_id, old.service_id, old.status, old.referred_by) is distinct from (new.encounter_id, new.service_id, new.status, new.referred_by))
  execute function rollup_touch_encounter_child();

-- A session counts on its own day; a change of its kind also moves its encounters and feedback.
create function rollup_touch_session() returns trigger language plpgsql as $$
declare
  moved uuid;
begin
  if tg_op <> 'INSERT' then
    perform rollup_retract('s', old.id);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_retract('s', new.id);
  end if;
  if tg_op = 'UPDATE' and new.kind is distinct from old.kind then
    for moved in select e.id from encounters e where e.session_id = new.id loop
      perform rollup_retract('e', moved);
    end loop;
    for moved in select f.id from feedback_responses f where f.outreach_session_id = new.id loop
      perform rollup_retract('f', moved);
    end loop;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
create trigger outreach_sessions_rollup_touch before insert or delete on outreach_sessions
  for each row execute function rollup_touch_session();
create trigger outreach_sessions_rollup_touch_update before update on outreach_sessions
  for each row when ((old.site_id, old.day, old.kind, old.is_cancelled) is distinct from (new.site_id, new.day, new.kind, new.is_cancelled))
  execute function rollup_touch_session();

create function rollup_touch_session_professional() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_retract('s', old.session_id);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_retract('s', new.session_id);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
create trigger session_professionals_rollup_touch before insert or delete or update on session_professionals
  for each row execute function rollup_touch_session_professional();

create function rollup_touch_feedback_response() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_retract('f', old.id);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_retract('f', new.id);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
create trigger feedback_responses_rollup_touch before insert or delete or update on feedback_responses
  for each row execute function rollup_touch_feedback_response();

create function rollup_touch_feedback_answer() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_retract('f', old.response_id);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_retract('f', new.response_id);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
create trigger feedback_answers_rollup_touch before insert or delete or update on feedback_answers
  for each row execute function rollup_touch_feedback_answer();

drop function rollup_mark_encounter();
drop function rollup_mark_encounter_child();
drop function rollup_mark_session();
drop function rollup_mark_session_professional();
drop function rollup_mark_feedback_response();
drop function rollup_mark_feedback_answer();
drop function rollup_mark_encounter_day(uuid);
drop function rollup_mark_day(uuid, date);
-- Site-days still marked by the old triggers stay in report_rollup_dirty: the fold recounts them
-- (as it does for a backfill that marks site-days on purpose).
