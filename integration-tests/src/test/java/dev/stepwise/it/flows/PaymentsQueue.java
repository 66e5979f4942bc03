package dev.stepwise.it.flows;

import dev.stepwise.Queue;

/** The payment provider's limits: two charges at once in the whole cluster, one per customer. */
@Queue(name = "it-payments", concurrency = 2, perKey = 1)
public interface PaymentsQueue {}
