-- Issue 18 item 3: the process clocks in daily use — the worker's due list and the coordinator's counts.
--
-- 1. A deployment's clocks (SILTA_PROCESS_CLOCKS) may also wait for the plan's agreement.
alter table client_process_deadlines drop constraint client_process_deadlines_step_check;
alter table client_process_deadlines add constraint client_process_deadlines_step_check
  check (step in ('assessment_started', 'assessment_completed', 'plan_agreed'));

-- 2. A clock stops without being met when its process ends before the step: the day it stopped. Without
-- it, every process that ended early would leave its unmet deadlines in the "open" index for good, and
-- the due reads would wade through years of them to find today's few.
alter table client_process_deadlines add column stopped_on date;
alter table client_process_deadlines add constraint client_process_deadlines_met_or_stopped check (met_on is null or stopped_on is null);
update client_process_deadlines d
   set stopped_on = (p.ended_at at time zone 'Europe/Helsinki')::date
  from client_processes p
 where p.id = d.process_id and p.state = 'ended' and d.met_on is null;

-- 3. The client's site on each deadline, so that the coordinator's counts per site are read from one
-- index alone (no process or client row per deadline: at 100,000 clients the joins cost more than the
-- 50 ms the counts may take). A client's site is set at the contact and no command moves it; one that
-- does must move its deadlines' site in the same transaction.
alter table client_process_deadlines add column site_id uuid references sites(id);
update client_process_deadlines d
   set site_id = c.site_id
  from client_processes p join clients c on c.id = p.client_id
 where p.id = d.process_id;
alter table client_process_deadlines alter column site_id set not null;

-- The running clocks per site by due day, carrying what the counts group by: a coordinator's counts
-- read, per site they may count, only the range of deadlines due soon or overdue, from the index alone.
-- (Due day first read every site's whole range once per site: ten times slower at 40 sites.)
drop index client_process_deadlines_open;
create index client_process_deadlines_running on client_process_deadlines (site_id, due_on)
  include (clock_key, basis, step) where met_on is null and stopped_on is null;

-- 4. The worker's due list starts from the worker's own clients: own worker and care team, each index
-- carrying the client id, so that finding them reads no table row.
drop index clients_own_worker;
create index clients_own_worker on clients (own_worker_id, id) where own_worker_id is not null;
drop index client_care_team_user;
create index client_care_team_user on client_care_team (user_id, client_id);
-- Then each one's open process and its running clocks, again from the indexes alone.
drop index client_processes_one_open;
create unique index client_processes_one_open on client_processes (client_id) include (id, state) where state <> 'ended';
create index client_process_deadlines_running_process on client_process_deadlines (process_id)
  include (due_on, clock_key, basis, step) where met_on is null and stopped_on is null;
