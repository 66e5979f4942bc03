-- Stepwise schema, version 13, H2: the retention sweeper's index, on a workflow's runs by their
-- finish time. H2 has no partial indexes (PostgreSQL's V13 holds only finished top-level runs);
-- a run's entry changes once, when it finishes and finished_at is set.

CREATE INDEX sw_runs_finished_ix ON sw_runs (workflow, finished_at);
