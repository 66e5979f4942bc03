package dev.stepwise.runtime;

import java.util.List;

/**
 * A value's JSON is larger than the engine stores ({@code Stepwise.Builder.maxPayloadBytes}, 2 MiB
 * by default): a run's input, a resume or event payload (refused before anything is stored), or a
 * step's output (the step fails, without a retry: the same step would return as much again).
 */
public class PayloadTooLargeException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long limit;

  /**
   * @param subject which value, like {@code input of workflow order} or {@code output of step
   *     charge}
   * @param size the value's JSON, in UTF-8 bytes
   * @param limit the most the engine stores, in UTF-8 bytes
   */
  public PayloadTooLargeException(String subject, long size, long limit) {
    super(
        subject,
        List.of(
            new Violation(
                "$",
                "is "
                    + size
                    + " bytes of JSON, more than the limit of "
                    + limit
                    + " bytes (Stepwise.builder().maxPayloadBytes(...)); store large data"
                    + " elsewhere and pass a reference to it")));
    this.size = size;
    this.limit = limit;
  }

  /** The size of the value's JSON, in UTF-8 bytes. */
  public long size() {
    return size;
  }

  /** The largest JSON the engine stores, in UTF-8 bytes. */
  public long limit() {
    return limit;
  }
}
