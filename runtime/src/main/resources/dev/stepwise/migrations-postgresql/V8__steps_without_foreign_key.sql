-- Stepwise schema, version 8, PostgreSQL: sw_steps without its foreign key to sw_runs, and a
-- trigger in its place for what the key's ON DELETE CASCADE did. The key was checked on every step
-- insert, about a tenth of the database's CPU for a sequential workflow (docs/performance.md), and
-- added no safety the engine lacks: it writes every step under its run's lock, or with the run
-- itself, in the statement or transaction that finds the run first. Deleting runs stays safe: the
-- trigger deletes their steps in the same statement, so no step outlives its run (the claim, the
-- sweeper and the timer would otherwise find steps whose run is gone). It fires on deletes only,
-- once per statement. The function keeps the search path it was created with, so it finds the
-- engine's tables whatever the deleting session's search path is.
-- H2 keeps the key (migrations-h2): there its check costs no round trip and no lock.

ALTER TABLE sw_steps DROP CONSTRAINT sw_steps_run_fk;

CREATE FUNCTION sw_runs_delete_steps() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM sw_steps s USING deleted_runs d WHERE s.run_id = d.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER sw_runs_delete_steps AFTER DELETE ON sw_runs
  REFERENCING OLD TABLE AS deleted_runs
  FOR EACH STATEMENT EXECUTE FUNCTION sw_runs_delete_steps();
