package dev.stepwise.runtime;

/**
 * Receives every state change of a watched run, in order, on the engine's watch thread (keep it
 * quick; an exception is logged and the watch goes on).
 */
@FunctionalInterface
public interface RunListener {
  void onChange(RunChange change);
}
