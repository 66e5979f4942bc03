-- Stepwise schema, version 13, PostgreSQL: the retention sweeper's index. It finds a workflow's
-- finished top-level runs by their finish time, oldest first; partial, so that it holds only
-- finished runs (a run gets its entry once, when it finishes, not at each change while it runs)
-- and never the child runs, which are deleted with their family's root. RetentionRows names the
-- statuses as literals, so that generic plans can prove this predicate and use the index.

CREATE INDEX sw_runs_finished_ix ON sw_runs (workflow, finished_at)
  WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND root_id IS NULL;
