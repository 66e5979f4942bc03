package dev.stepwise.processor.model;

/**
 * The processor's copy of {@code dev.stepwise.Join}, read from the annotation by name, so the
 * processor needs no DSL classes at run time.
 */
public enum JoinKind {
  ALL,
  ANY
}
