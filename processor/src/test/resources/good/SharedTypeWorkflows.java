package com.acme;

import com.acme.OrderModel.OrderRequest;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Two workflows of one package with the same input type share one generated validator. */
final class SharedTypeWorkflows {
  private SharedTypeWorkflows() {}

  @Workflow(name = "shared-a")
  static class First {
    @Step
    long total(@Input OrderRequest order) {
      return order.total();
    }
  }

  @Workflow(name = "shared-b")
  static class Second {
    @Step
    String customer(@Input OrderRequest order) {
      return order.customer();
    }
  }
}
