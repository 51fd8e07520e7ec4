-- Issue 16 items 3 and 4: what "anonymous" and "first" mean, and who made a referral.
--
-- Whether the person stayed anonymous to the professional (did not say who they are) is a fact about
-- the meeting, separate from carrying a visitor code. Null = not recorded: encounters saved before this
-- migration were never asked, so they are deliberately not backfilled.
alter table encounters add column is_anonymous_to_professional boolean;

-- "First time with me / my service?" is asked per professional of the encounter (what evaluators
-- report). encounters.is_first_visit stays the region-wide first visit derived for code holders.
-- Null = not recorded (and for every row saved before this migration).
alter table encounter_professionals add column is_first_with_professional boolean;

-- A referral belongs to the professional who made it (in a joint meeting either one). Until now only the
-- recording professional could make one, so the creator is who referred in every existing row.
alter table referrals add column referred_by uuid references users(id);
update referrals set referred_by = created_by;
alter table referrals alter column referred_by set not null;

-- Reports count referrals by the referring professional's profession, so a change of referrer moves
-- the figures of the encounter's day like a change of service does.
drop trigger referrals_rollup_mark on referrals;
create trigger referrals_rollup_mark after insert or delete or update of status, service_id, encounter_id, referred_by on referrals
  for each row execute function rollup_mark_encounter_child();
