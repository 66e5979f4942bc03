-- Stepwise schema, version 8: sw_steps without its foreign key to sw_runs. Every step the engine
-- writes is written under its run's lock (or with the run itself), in the statement or transaction
-- that checks the run exists, so the key added no safety the engine does not already give; but
-- every step insert paid for its check, about a tenth of the database's CPU for a sequential
-- workflow on PostgreSQL (docs/performance.md). ON DELETE CASCADE goes with it: delete a run's
-- steps with the run (the engine itself deletes neither).

ALTER TABLE sw_steps DROP CONSTRAINT sw_steps_run_fk;
