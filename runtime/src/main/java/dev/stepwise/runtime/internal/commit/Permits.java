package dev.stepwise.runtime.internal.commit;

/**
 * This node's free workers, as a commit sees them: a successor is inserted already leased to this
 * node only for a permit taken here, so a leased step never waits for a thread.
 */
public interface Permits {
  /** Takes up to {@code max} permits without waiting; 0 once the node is shutting down. */
  int tryAcquire(int max);

  /** Gives back permits the caller took but did not use. */
  void releaseQuietly(int n);

  /** False once the node is shutting down: no step may be leased to it any more. */
  boolean accepting();
}
