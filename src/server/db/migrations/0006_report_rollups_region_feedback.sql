-- Region rollups and feedback rollups (issue 5).
--
-- Region rollups: the rows of report_rollup summed over all sites of a region, so that a
-- region's report reads one row per metric and key and period piece instead of one per site. A report
-- on most of a region's sites reads these and takes off the sites it leaves out; a report on a few
-- sites sums those sites' rows as before (src/server/reports/rollups/read.ts).
-- Kept by the refresh as deltas: before a site-day is recomputed its old day rows are subtracted from
-- the region's day, month and year rows, afterwards the new ones are added, and rows that reach zero
-- are deleted (src/server/reports/rollups/region.ts). Same metrics and keys as report_rollup.
create table report_rollup_region (
  grain char(1) not null check (grain in ('d', 'm', 'y')),
  region_id uuid not null references regions(id),
  period_start date not null,
  session_kind text not null check (session_kind in ('', 'reception', 'group', 'other')),
  metric text not null,
  key text not null,
  n bigint not null,
  primary key (grain, region_id, period_start, session_kind, metric, key)
);

insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
select r.grain, s.region_id, r.period_start, r.session_kind, r.metric, r.key, sum(r.n)
  from report_rollup r join sites s on s.id = r.site_id
 group by r.grain, s.region_id, r.period_start, r.session_kind, r.metric, r.key;

-- Feedback joins the rollups, counted on the response's day and site, with the kind of the outreach
-- session it was given at ('' for none, as for encounters):
--   fb_resp/<form version id> responses, fb_outside/<form version id> those not given at a group
--   session, fb_ans/<item id>:<score> scored answers, fb_ans/<item id>:na "does not apply".
-- Open answers are text and stay in their table (read only by permitted, audited readers).
create function rollup_mark_feedback_response() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform rollup_mark_day(old.site_id, old.submitted_on);
  end if;
  if tg_op <> 'DELETE' then
    perform rollup_mark_day(new.site_id, new.submitted_on);
  end if;
  return null;
end $$;
create trigger feedback_responses_rollup_mark after insert or update or delete on feedback_responses
  for each row execute function rollup_mark_feedback_response();

-- An answer counts on its response's day. When the response itself is being deleted the lookup finds
-- nothing, and the response's own trigger has marked the day.
create function rollup_mark_feedback_answer() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    insert into report_rollup_dirty (site_id, day) select r.site_id, r.submitted_on from feedback_responses r where r.id = old.response_id;
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.response_id is distinct from old.response_id) then
    insert into report_rollup_dirty (site_id, day) select r.site_id, r.submitted_on from feedback_responses r where r.id = new.response_id;
  end if;
  return null;
end $$;
create trigger feedback_answers_rollup_mark after insert or update or delete on feedback_answers
  for each row execute function rollup_mark_feedback_answer();

-- A change of a session's kind also moves the feedback given at it between kinds.
create or replace function rollup_mark_session() returns trigger language plpgsql as $$
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
      select distinct e.site_id, (e.occurred_at at time zone 'Europe/Helsinki')::date from encounters e where e.session_id = new.id
      union
      select distinct r.site_id, r.submitted_on from feedback_responses r where r.outreach_session_id = new.id;
    end if;
  end if;
  return null;
end $$;

-- Feedback given before this migration is counted at the first refresh.
insert into report_rollup_dirty (site_id, day) select distinct site_id, submitted_on from feedback_responses;
