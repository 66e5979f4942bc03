-- Stepwise schema, version 13, H2: the retention sweeper's indexes. The first holds a workflow's
-- runs by their finish time. H2 has no partial indexes (PostgreSQL's V13 holds only finished
-- top-level runs); a run's entry changes once, when it finishes and finished_at is set.

CREATE INDEX sw_runs_finished_ix ON sw_runs (workflow, finished_at);

-- A deleted run's deduplication and debounce rows are found by their run: without these, each
-- batch read the whole of both tables.
CREATE INDEX sw_dedup_run_ix ON sw_dedup (run_id);
CREATE INDEX sw_debounce_run_ix ON sw_debounce (run_id);
