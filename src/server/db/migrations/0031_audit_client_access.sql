-- The client's own access log (issue 18 item 5, Client Data Act 703/2023 § 11) reads the audit rows
-- about one client: those whose resource is the client, and the lists and look-ups that showed them
-- (their ids in details.clientIds). Both are found by index, newest first, however long the log grows.
create index audit_log_resource on audit_log (resource_type, resource_id, id desc);
create index audit_log_client_ids on audit_log using gin ((details -> 'clientIds') jsonb_path_ops);
