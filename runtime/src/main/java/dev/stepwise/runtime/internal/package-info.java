/**
 * The engine behind {@link dev.stepwise.runtime.Stepwise}; not an API. This package only wires the
 * parts ({@link dev.stepwise.runtime.internal.Engine}) and offers them to generated runners ({@code
 * DefaultWorkflowClient}); each subpackage is one responsibility, and {@code docs/architecture.md}
 * has the map and the rules between them, which {@code ArchitectureTest} enforces.
 *
 * <p>A run is one row of {@code sw_runs}; every step it reached is one row of {@code sw_steps}, and
 * that row is also the task a worker claims. Lock order, everywhere: the run row first, then its
 * step rows. The claim, heartbeat and sweeper touch step rows only, and never wait for a run lock.
 */
package dev.stepwise.runtime.internal;
