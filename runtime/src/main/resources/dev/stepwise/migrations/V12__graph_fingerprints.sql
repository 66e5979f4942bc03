-- Stepwise schema, version 12: the per-step fingerprints of every graph version a node has
-- registered. A node running new code reads the fingerprints of the version a run started with,
-- which only the old code knew, to decide step by step whether the run can go on. A row is
-- written once per version and never changed (insert-if-absent), so nodes of different versions
-- can register side by side.

CREATE TABLE sw_graphs (
  workflow      VARCHAR(200)             NOT NULL,
  graph_version VARCHAR(128)             NOT NULL,
  steps         TEXT                     NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sw_graphs_pk PRIMARY KEY (workflow, graph_version)
);
