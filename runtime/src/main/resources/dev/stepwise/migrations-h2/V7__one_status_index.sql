-- Stepwise schema, version 7, H2: one (status, ...) index on sw_steps instead of three. H2 has no
-- partial indexes, so each of V1's and V2's (status, not_before), (status, lease_until) and
-- (status, wait_until) got an entry for every row version of every step, and H2 writes every index
-- a commit touched to the file before the commit returns (WRITE_DELAY 0): the two dropped here were
-- about a tenth of a sequential step's time. The claim keeps (status, not_before); the sweeper
-- (RUNNING rows, one per step in flight) and the timer thread (WAITING rows) find their rows
-- through its status prefix and filter the few they find by lease_until or wait_until.
-- PostgreSQL's V4 and V6 made its three indexes partial instead (migrations-postgresql).

DROP INDEX sw_steps_lease_ix;
DROP INDEX sw_steps_wait_ix;
