-- Flood limits for feedback links and kiosks (issue 17, item 5).

-- Openings counted per source and network address. The key is `scope:source id:HMAC of the address`
-- under a secret held only in the server's memory, so no address is stored and none can be found
-- again by trying them all. Only the end of the counting window is kept, never the time of an
-- opening; rows whose window has ended are swept as new openings are counted.
create table feedback_flood_counters (
  key text primary key,
  hits integer not null,
  window_ends_at timestamptz not null
);
create index feedback_flood_counters_window on feedback_flood_counters (window_ends_at);

-- The day a link's or kiosk's daily quota of openings was reached: an alarm for staff, who can pause
-- the link. Reaching the quota no longer refuses visitors (see docs/PRIVACY.md).
alter table feedback_links add column quota_alarm_on date;
alter table feedback_kiosks add column quota_alarm_on date;
-- A paused link shows visitors a "not collecting now" page until staff resume it.
alter table feedback_links add column paused_at timestamptz;
