-- Stepwise schema, version 11, H2: the indexes of queues and run limits. H2 has no partial
-- indexes (PostgreSQL's V11 makes these partial); the plain claim keeps (status, not_before) and
-- filters queued rows out, the queue's claim and counts use (queue, status).

CREATE INDEX sw_steps_queue_ix ON sw_steps (queue, status, not_before);
CREATE INDEX sw_runs_status_ix ON sw_runs (workflow, status);
