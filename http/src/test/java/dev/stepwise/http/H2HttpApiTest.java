package dev.stepwise.http;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The HTTP API's contract on an H2 file database, the embedded default. */
@StepwiseDatabase(H2)
class H2HttpApiTest extends HttpApiContract {}
