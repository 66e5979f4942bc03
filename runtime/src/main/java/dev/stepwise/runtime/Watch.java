package dev.stepwise.runtime;

/** A running watch of one run; closed by the caller, or by itself once the run finished. */
public interface Watch extends AutoCloseable {
  /** Stops delivering changes. */
  @Override
  void close();

  /** True until closed, or until the run's final change was delivered. */
  boolean isActive();
}
