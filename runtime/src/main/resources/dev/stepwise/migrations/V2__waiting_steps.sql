-- Stepwise schema, version 2: steps that wait in the database for a timer or an event.
-- A WAITING step row carries what it waits for: wait_until is the due time of a durable timer
-- (@After(delay)) or the deadline of an event wait; wait_event names the event it waits for
-- (NULL for a timer). Nothing waits in memory, so a restart does not reset any clock.

ALTER TABLE sw_steps ADD COLUMN wait_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE sw_steps ADD COLUMN wait_event VARCHAR(200);

-- The timer thread: WAITING rows whose wait_until has passed.
CREATE INDEX sw_steps_wait_ix ON sw_steps (status, wait_until);
