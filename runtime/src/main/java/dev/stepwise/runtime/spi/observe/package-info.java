/**
 * What the engine reports for metrics and traces: a {@link
 * dev.stepwise.runtime.spi.observe.StepwiseObserver} registered with {@code
 * Stepwise.builder().observer(...)} sees runs start and finish, step attempts, claims and expired
 * leases. The {@code stepwise-micrometer} and {@code stepwise-opentelemetry} modules implement it;
 * the runtime itself depends on neither.
 */
package dev.stepwise.runtime.spi.observe;
