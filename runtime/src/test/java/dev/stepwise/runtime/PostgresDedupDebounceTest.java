package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The deduplication and debounce contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresDedupDebounceTest extends DedupDebounceContract {}
