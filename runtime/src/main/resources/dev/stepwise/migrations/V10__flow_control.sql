-- Stepwise schema, version 10: queues, run limits, deduplication, debounce and schedules.
-- A step that waits for a queue (@Step(queue)) is a PENDING row with its queue's name: the plain
-- claim takes only rows without a queue, the queue's claim counts the queue's RUNNING rows before
-- it takes more. A run beyond its workflow's maxParallelism is QUEUED, and so are its root rows,
-- until a slot frees. Nothing that waits holds a thread or memory: it is only these rows.

ALTER TABLE sw_steps ADD COLUMN queue VARCHAR(64);
-- Read from the input at start along @Workflow(concurrencyKey); limits per key count by it.
ALTER TABLE sw_runs ADD COLUMN concurrency_key VARCHAR(512);
-- Higher first: queued runs are admitted, and a queue's steps claimed, in this order.
ALTER TABLE sw_runs ADD COLUMN priority INTEGER DEFAULT 0 NOT NULL;

-- One row per queue and per run-limited workflow ('workflow/' and its name): its claims lock it,
-- so that two nodes never count the same free slot.
CREATE TABLE sw_queues (
  name VARCHAR(256) NOT NULL,
  CONSTRAINT sw_queues_pk PRIMARY KEY (name)
);

-- The starts of rate-limited queues within their last window; older rows are deleted by claims.
CREATE TABLE sw_queue_starts (
  queue      VARCHAR(64)              NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sw_queue_starts_ix ON sw_queue_starts (queue, started_at);

-- A deduplication id's run while it is queued or running; a start finding a finished run here
-- replaces it.
CREATE TABLE sw_dedup (
  workflow VARCHAR(200) NOT NULL,
  dedup_id VARCHAR(256) NOT NULL,
  run_id   VARCHAR(512) NOT NULL,
  CONSTRAINT sw_dedup_pk PRIMARY KEY (workflow, dedup_id)
);

-- A debounce key's pending run: a start within its window replaces the input and moves its start.
CREATE TABLE sw_debounce (
  workflow     VARCHAR(200) NOT NULL,
  debounce_key VARCHAR(256) NOT NULL,
  run_id       VARCHAR(512) NOT NULL,
  CONSTRAINT sw_debounce_pk PRIMARY KEY (workflow, debounce_key)
);

-- One row per cron schedule; the node that locks it starts the due tick (run id: name@tick).
CREATE TABLE sw_schedules (
  name        VARCHAR(200)             NOT NULL,
  workflow    VARCHAR(200)             NOT NULL,
  cron        VARCHAR(200)             NOT NULL,
  zone        VARCHAR(100)             NOT NULL,
  paused      BOOLEAN                  NOT NULL,
  next_tick   TIMESTAMP WITH TIME ZONE,
  last_tick   TIMESTAMP WITH TIME ZONE,
  last_run_id VARCHAR(512),
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sw_schedules_pk PRIMARY KEY (name)
);
