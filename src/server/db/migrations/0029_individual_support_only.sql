-- Issue 18 item 3: the side state `individual_support_only` of the client process (requirements-phase2.md
-- § 1.3 rule 11): a client who declines network work but keeps individual support. Only the state's check
-- changes; the one-open-process index (state <> 'ended') already counts the new state as open.
alter table client_processes drop constraint client_processes_state_check;
alter table client_processes add constraint client_processes_state_check
  check (state in ('contact', 'assessment', 'plan', 'action', 'follow_up', 'individual_support_only', 'ended'));
