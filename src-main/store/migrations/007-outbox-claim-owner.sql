-- The process that holds an in-flight outbox claim ("host:pid"): a restart takes over only
-- claims whose process is gone, never one that another running Junction is still sending.
ALTER TABLE order_outbox ADD COLUMN claimed_by TEXT;
