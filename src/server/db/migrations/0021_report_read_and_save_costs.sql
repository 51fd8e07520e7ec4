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
