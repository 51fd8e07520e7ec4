-- Issue 16: what the report costs at a million encounters (bench/results, session 3): indexes for its reads,
-- and less work per save for the rollups.
--
-- Which sites a visitor form was in use at (src/server/feedback/form-sites.ts) asks, per form version and
-- site, whether any response was typed in there. feedback_responses_version (form_version_id,
-- submitted_on) answers that only by reading the version's responses until one of the site turns up, and
-- all of them for a site that never used the form (every report read, whatever its period); with
-- (form_version_id, site_id) each question is one index probe.
create index feedback_responses_version_site on feedback_responses (form_version_id, site_id);

-- The report's choice questions (feedback-queries.ts, choiceCountsByItem): the choice answers of the
-- responses in its scope. As with the open answers (migration 0007), most answers are scores: without this
-- index the database reads every answer to find the few with choices.
create index feedback_answers_choice on feedback_answers (response_id) where choices is not null;

-- A professional's own row in the report (src/server/reports/professional-facts.ts) counts the referrals
-- they made; a change of a user's profession retracts them from the rollups (migration 0020,
-- rollup_touch_user). Both look referrals up by referrer, which read the whole table without this index.
create index referrals_referred_by on referrals (referred_by);

-- Saves: the first touch of an entity takes its contribution away (migration 0019, rollup_retract). For a
-- new encounter (or session, or response) there is none yet, but working that out evaluated the whole
-- contribution query anyway: two contribution queries per new encounter, where one (at commit) is needed.
-- A look-up of the entity's row now decides it: the contribution queries read only
-- entities whose row exists, so skipping them for an absent row queues exactly the same deltas. The look-up
-- runs after the pending row is taken, as the contribution query did: a transaction that waited there
-- for another one on the same entity sees what that one committed.
create or replace function rollup_retract(p_kind char, p_id uuid) returns void language plpgsql as $$
begin
  if p_id is null then
    return;
  end if;
  insert into report_rollup_pending (kind, id) values (p_kind, p_id) on conflict do nothing;
  if not found then
    return;
  end if;
  if (p_kind = 'e' and exists (select 1 from encounters where id = p_id))
     or (p_kind = 's' and exists (select 1 from outreach_sessions where id = p_id))
     or (p_kind = 'f' and exists (select 1 from feedback_responses where id = p_id)) then
    perform rollup_queue(p_kind, p_id, -1);
  end if;
end $$;
