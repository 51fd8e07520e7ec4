-- Issue 17, item 5: staff can pause a kiosk after its quota alarm, as they can a link. A paused kiosk
-- shows visitors "not collecting now" and takes no answers until staff resume it; it stays unlocked,
-- so nobody has to walk to the tablet with the PIN.
alter table feedback_kiosks add column paused_at timestamptz;
