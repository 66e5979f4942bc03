package dev.stepwise.processor.model;

/** Where a step or condition parameter takes its value from. */
public enum ParamKind {
  INPUT,
  FROM,
  RESUME,
  CONTEXT,
  /** The element of a {@code @Parallel} step's list. */
  ITEM,
  /** The payload of the event the step waits for. */
  EVENT,
  /** A loop step's output of the iteration before ({@code @Previous}), as an Optional. */
  PREVIOUS,
  /** A transactional step's {@code org.jooq.DSLContext}, bound to the recording transaction. */
  TRANSACTION
}
