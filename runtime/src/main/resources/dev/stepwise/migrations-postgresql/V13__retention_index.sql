-- Stepwise schema, version 13, PostgreSQL: the retention sweeper's indexes. The first finds a
-- workflow's finished top-level runs by their finish time, oldest first; partial, so that it holds
-- only finished runs (a run gets its entry once, when it finishes, not at each change while it
-- runs) and never the child runs, which are deleted with their family's root. RetentionRows names
-- the statuses as literals, so that generic plans can prove this predicate and use the index.

CREATE INDEX sw_runs_finished_ix ON sw_runs (workflow, finished_at)
  WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND root_id IS NULL;

-- A deleted run's deduplication and debounce rows are found by their run: without these, each
-- batch read the whole of both tables.
CREATE INDEX sw_dedup_run_ix ON sw_dedup (run_id);
CREATE INDEX sw_debounce_run_ix ON sw_debounce (run_id);
