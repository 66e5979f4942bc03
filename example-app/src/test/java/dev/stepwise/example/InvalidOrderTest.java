package dev.stepwise.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.example.order.Address;
import dev.stepwise.example.order.FlakyPaymentService;
import dev.stepwise.example.order.Inventory;
import dev.stepwise.example.order.OrderRequest;
import dev.stepwise.example.order.OrderWorkflow;
import dev.stepwise.example.order.OrderWorkflowRunner;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order's Jakarta constraints, checked by generated code before anything is stored. */
class InvalidOrderTest {
  @TempDir Path dataDir;

  @Test
  void anInvalidOrderIsRefusedWithEveryViolation_andNoRunIsStored() {
    try (Stepwise engine = Stepwise.embedded(dataDir)) {
      OrderWorkflowRunner orders =
          new OrderWorkflowRunner(
              engine, new OrderWorkflow(new Inventory(), new FlakyPaymentService(0)));
      engine.start();
      OrderRequest bad =
          new OrderRequest(
              "O-1",
              "ada-at-example.com",
              List.of(new OrderRequest.Item("SKU-42", 0, 1_500)),
              new Address("Bahnhofstrasse 1", "", "ch"));

      assertThatThrownBy(() -> orders.start(bad))
          .isInstanceOf(ValidationException.class)
          .hasMessage(
              "Invalid input of workflow order:\n"
                  + "  $.customer: must be a well-formed email address\n"
                  + "  $.items[0].quantity: must be greater than or equal to 1\n"
                  + "  $.address.city: must not be blank\n"
                  + "  $.address.country: must match \"[A-Z]{2}\"");
      assertThat(orders.list(10)).isEmpty();
    }
  }
}
