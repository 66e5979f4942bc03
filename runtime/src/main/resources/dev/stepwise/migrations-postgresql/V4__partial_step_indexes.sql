-- Stepwise schema, version 4, PostgreSQL: the claim's and the sweeper's indexes hold only the rows
-- they look for. Every step goes PENDING -> RUNNING -> SUCCEEDED; in a (status, ...) index each of
-- those row versions is an entry, so the index grows with every finished step and is written on
-- every transition. A partial index is written only for row versions in its status, stays as small
-- as the queue, and is used by a query whose predicate names that status as a literal (TaskQueue).
-- H2 has no partial indexes: its V4 (migrations-h2) keeps the V1 indexes.

CREATE INDEX sw_steps_pending_ix ON sw_steps (not_before) WHERE status = 'PENDING';
CREATE INDEX sw_steps_running_ix ON sw_steps (lease_until) WHERE status = 'RUNNING';

-- Only the claim and the sweeper read these; the fenced updates use the primary key.
DROP INDEX sw_steps_claim_ix;
DROP INDEX sw_steps_lease_ix;
