-- Stepwise schema, version 6, PostgreSQL: the timer thread's index holds only WAITING rows. V2's
-- (status, wait_until) index had an entry for every row version of every step (each step is
-- inserted and then updated at least once, and a status change cannot be a HOT update), so it was
-- written twice per step and grew with the step history, although only the few WAITING rows are
-- ever looked up in it. TimerQueue names the status as a literal so generic plans can use it.
-- H2 has no partial indexes: its V6 (migrations-h2) keeps V2's index.

CREATE INDEX sw_steps_waiting_ix ON sw_steps (wait_until) WHERE status = 'WAITING';
DROP INDEX sw_steps_wait_ix;
