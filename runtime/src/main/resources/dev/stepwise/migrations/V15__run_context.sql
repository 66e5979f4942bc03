-- Stepwise schema, version 15: what observers asked to store with a run when it started (a JSON
-- object of text fields, such as the W3C traceparent of the span that started it), so that its
-- steps continue the same trace on any node, however much later they run. Null without observers.

ALTER TABLE sw_runs ADD COLUMN run_context VARCHAR(2000);
