-- Stepwise schema, version 1. Portable SQL: the same script runs on H2 and PostgreSQL.
-- A run is one row in sw_runs; each step of it that was reached is one row in sw_steps, and that
-- row is also the task a worker claims.

CREATE TABLE sw_runs (
  id              VARCHAR(128)             NOT NULL,
  workflow        VARCHAR(200)             NOT NULL,
  graph_version   VARCHAR(128)             NOT NULL,
  status          VARCHAR(16)              NOT NULL,
  input           TEXT,
  idempotency_key VARCHAR(256),
  failed_step     VARCHAR(200),
  error_type      VARCHAR(500),
  error_message   TEXT,
  error_stack     TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  version         BIGINT                   NOT NULL,
  CONSTRAINT sw_runs_pk PRIMARY KEY (id),
  -- NULL keys are distinct on both databases, so runs without a key never collide.
  CONSTRAINT sw_runs_idempotency_uk UNIQUE (workflow, idempotency_key)
);

CREATE INDEX sw_runs_workflow_created_ix ON sw_runs (workflow, created_at);

CREATE TABLE sw_steps (
  run_id          VARCHAR(128)             NOT NULL,
  step_id         VARCHAR(200)             NOT NULL,
  -- Copied from the run so a claim can filter on the workflows a node has registered
  -- without a join.
  workflow        VARCHAR(200)             NOT NULL,
  status          VARCHAR(16)              NOT NULL,
  attempts        INTEGER                  NOT NULL,
  not_before      TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_owner     VARCHAR(200),
  lease_until     TIMESTAMP WITH TIME ZONE,
  output          TEXT,
  error_type      VARCHAR(500),
  error_message   TEXT,
  error_stack     TEXT,
  suspend_reason  TEXT,
  resume_payload  TEXT,
  started_at      TIMESTAMP WITH TIME ZONE,
  finished_at     TIMESTAMP WITH TIME ZONE,
  version         BIGINT                   NOT NULL,
  CONSTRAINT sw_steps_pk PRIMARY KEY (run_id, step_id),
  CONSTRAINT sw_steps_run_fk FOREIGN KEY (run_id) REFERENCES sw_runs (id) ON DELETE CASCADE
);

-- The claim: PENDING rows whose not_before has passed.
CREATE INDEX sw_steps_claim_ix ON sw_steps (status, not_before);
-- The sweeper: RUNNING rows whose lease has expired.
CREATE INDEX sw_steps_lease_ix ON sw_steps (status, lease_until);
