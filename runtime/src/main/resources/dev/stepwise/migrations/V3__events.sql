-- Stepwise schema, version 3: events sent to runs (@Event). An event is kept from the moment it
-- is sent, so one sent before the run reaches its step is not lost; the first send of a name
-- wins, so a retried send is harmless.

CREATE TABLE sw_events (
  run_id      VARCHAR(128)             NOT NULL,
  name        VARCHAR(200)             NOT NULL,
  payload     TEXT,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sw_events_pk PRIMARY KEY (run_id, name),
  CONSTRAINT sw_events_run_fk FOREIGN KEY (run_id) REFERENCES sw_runs (id) ON DELETE CASCADE
);
