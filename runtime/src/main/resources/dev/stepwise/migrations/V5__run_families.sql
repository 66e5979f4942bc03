-- Stepwise schema, version 5: families of child runs.
-- A child run's id is <parent>/<step> (a grandchild's <parent>/<step>/<step>, and so on). root_id
-- is the id of the family's top-level run, NULL for a top-level run itself, so that a run's
-- descendants are found through an index. A LIKE on the id prefix cannot use one: PostgreSQL serves
-- LIKE 'prefix%' from a B-tree index only under the C collation, and never for a bound pattern.
-- (Version 4 is left to the vendor-specific index migrations.)

ALTER TABLE sw_runs ADD COLUMN root_id VARCHAR(128);

UPDATE sw_runs SET root_id = SUBSTRING(id, 1, POSITION('/' IN id) - 1) WHERE POSITION('/' IN id) > 0;

CREATE INDEX sw_runs_root_ix ON sw_runs (root_id);
