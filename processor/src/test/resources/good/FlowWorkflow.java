package com.acme.flow;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.math.BigDecimal;

@Workflow(
    name = "flow",
    queue = FlowQueues.Mail.class,
    concurrencyKey = "customer.id",
    maxParallelism = 100,
    maxParallelismPerKey = 1)
public class FlowWorkflow {
  public record Customer(String id, long number, BigDecimal credit) {}

  public record Request(Customer customer, String text) {}

  @Step(queue = FlowQueues.LlmQueue.class)
  String summarize(@Input Request request) {
    return request.text();
  }

  @Step
  @After("summarize")
  String mail(@From("summarize") String summary) {
    return "sent " + summary;
  }
}
