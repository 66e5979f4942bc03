-- Stepwise schema, version 11, PostgreSQL: the indexes of queues and run limits, partial so that
-- they hold only the rows they are looked up for. The plain claim's index now leaves out queued
-- rows (queue IS NULL): a thousand steps waiting for a queue would otherwise be scanned past by
-- every plain claim. TaskQueue names both conditions as literals so generic plans can use them.

CREATE INDEX sw_steps_ready_ix ON sw_steps (not_before) WHERE status = 'PENDING' AND queue IS NULL;
DROP INDEX sw_steps_pending_ix;
CREATE INDEX sw_steps_queued_ix ON sw_steps (queue, not_before)
  WHERE status = 'PENDING' AND queue IS NOT NULL;
CREATE INDEX sw_steps_queue_running_ix ON sw_steps (queue)
  WHERE status = 'RUNNING' AND queue IS NOT NULL;
-- Runs waiting for their workflow's slot, and the runs holding one.
CREATE INDEX sw_runs_queued_ix ON sw_runs (workflow, priority, created_at) WHERE status = 'QUEUED';
CREATE INDEX sw_runs_active_ix ON sw_runs (workflow)
  WHERE status IN ('PENDING', 'RUNNING', 'SUSPENDED', 'WAITING');
