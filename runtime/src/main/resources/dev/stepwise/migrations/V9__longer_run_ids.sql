-- Stepwise schema, version 9: room for the ids of child runs. A caller's run id is at most 128
-- characters and has no '/' (IdRules); a child run's id is its parent's id, '/' and the step's id
-- (Ids.childId), one more segment per generation, so it outgrew the 128 of V1: a grandchild of a
-- long top-level id did not fit, and H2 and PostgreSQL refused or truncated it differently. Run ids
-- may now have up to 512 characters; the engine refuses a child whose id would be longer. The event
-- that wakes a waiting parent is named 'child:' and the child's id, so event names get 520.
-- root_id keeps 128: it only ever holds a top-level run's id. Widening a VARCHAR rewrites no rows on
-- either database.

ALTER TABLE sw_runs ALTER COLUMN id SET DATA TYPE VARCHAR(512);
ALTER TABLE sw_steps ALTER COLUMN run_id SET DATA TYPE VARCHAR(512);
ALTER TABLE sw_events ALTER COLUMN run_id SET DATA TYPE VARCHAR(512);
ALTER TABLE sw_steps ALTER COLUMN wait_event SET DATA TYPE VARCHAR(520);
ALTER TABLE sw_events ALTER COLUMN name SET DATA TYPE VARCHAR(520);
