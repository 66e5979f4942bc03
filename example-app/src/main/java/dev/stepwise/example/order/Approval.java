package dev.stepwise.example.order;

/** The recorded outcome of the approval step. */
public record Approval(boolean approved, String by, long amountCents) {

  static Approval of(Decision decision, Payment payment) {
    return new Approval(decision.approved(), decision.by(), payment.amountCents());
  }
}
