-- Stepwise schema, version 14: the error of every failed attempt, not only the last one. The step
-- row keeps its latest error as before; this table keeps the first attempts' errors of each step
-- (StepErrorRows bounds how many), so that a run retried after a fix still shows what happened.

CREATE TABLE sw_step_errors (
  run_id        VARCHAR(512)             NOT NULL,
  step_id       VARCHAR(200)             NOT NULL,
  attempt       INTEGER                  NOT NULL,
  failed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  error_type    VARCHAR(500),
  error_message TEXT,
  error_stack   TEXT
);
CREATE INDEX sw_step_errors_ix ON sw_step_errors (run_id, step_id, failed_at);

-- A run forked from another one (WorkflowClient.fork) records where it came from:
-- "<source run id>@<step it was forked at>".
ALTER TABLE sw_runs ADD COLUMN forked_from VARCHAR(720);
