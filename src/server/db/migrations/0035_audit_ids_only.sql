-- Issue 18 item 6: audit rows carry ids, never names. Until now each row kept the acting staff member's
-- display name at the time (actor_label); the audit page and the client's access log now look the name
-- up from actor_id when they are read. Dropping the column removes the stored names from every row
-- (DDL: the append-only triggers guard rows against UPDATE and DELETE, not the table's shape, which
-- only its owner, who runs migrations, may change).
alter table audit_log drop column actor_label;
-- A dropped column's values stay in the rows on disk until the table is rewritten; CLUSTER rewrites it
-- now (writing the dropped column as null), so the names are gone from the files too, not only from view.
-- It locks the log for the rewrite: a one-off cost at this migration.
cluster audit_log using audit_log_pkey;
