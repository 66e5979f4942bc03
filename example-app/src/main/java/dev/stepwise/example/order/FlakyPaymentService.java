package dev.stepwise.example.order;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated payment provider that times out on the first {@code failuresPerOrder} calls for each
 * order, as real ones do under load; the workflow's retry policy gets the charge through.
 */
public final class FlakyPaymentService {
  private final int failuresPerOrder;
  private final Map<String, Integer> callsPerOrder = new ConcurrentHashMap<>();

  public FlakyPaymentService(int failuresPerOrder) {
    this.failuresPerOrder = failuresPerOrder;
  }

  /** Charges the amount, or throws {@link PaymentTimeoutException} while the provider is flaky. */
  public Payment charge(String orderId, long amountCents) {
    int call = callsPerOrder.merge(orderId, 1, Integer::sum);
    if (call <= failuresPerOrder) {
      throw new PaymentTimeoutException(
          "payment provider timed out charging order " + orderId + " (call " + call + ")");
    }
    return new Payment("T-" + UUID.randomUUID(), amountCents);
  }

  /** The provider did not answer in time; safe to retry. */
  public static final class PaymentTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PaymentTimeoutException(String message) {
      super(message);
    }
  }
}
