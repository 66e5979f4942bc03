-- Stepwise schema, version 16: a dynamic fan-out (@Parallel) keeps its progress in its own rows, so
-- that a finished element costs the same however many elements the fan-out has (before, each one
-- read every row of its run, and each execution parsed the whole list it fans out over).
-- On an element's row: its element of the list, as JSON.
ALTER TABLE sw_steps ADD COLUMN item TEXT;
-- On the fan-out step's own row (the parent): how many elements the list has, how many element
-- rows exist, and how many of them succeeded. Null on every other row, and on parents written
-- before this version, whose counts are taken from their element rows once.
ALTER TABLE sw_steps ADD COLUMN items_total INTEGER;
ALTER TABLE sw_steps ADD COLUMN items_started INTEGER;
ALTER TABLE sw_steps ADD COLUMN items_succeeded INTEGER;
