-- Issue 17, item 5: staff can pause a kiosk after its quota alarm, as they can a link. A paused kiosk
-- shows visitors "not collecting now" and takes no answers until staff resume it; it stays unlocked,
-- so nobody has to walk to the tablet with the PIN.
alter table feedback_kiosks add column paused_at timestamptz;

-- Issue 17, item 14: a phase entry carries the day the evaluation was made (a coordinator entering a
-- pilot afterwards dates its midpoint and end as they happened). A midpoint or end cannot be dated
-- before the pilot starts (checked by the command). Null in rows saved before this migration: the day
-- they were saved stands for it.
alter table pilot_phase_entries add column held_on date;
