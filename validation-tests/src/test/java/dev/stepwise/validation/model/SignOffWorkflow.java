package dev.stepwise.validation.model;

import dev.stepwise.After;
import dev.stepwise.Event;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A step that waits for a validated event payload. */
@Workflow(name = "sign-off")
public class SignOffWorkflow {

  /** The payload of event {@code signedOff}. */
  public record SignOff(@NotBlank String by, @Min(1) int level) {}

  @Step
  String draft(@Input String document) {
    return document + " (draft)";
  }

  @Step
  @After("draft")
  String publish(@Input String document, @Event("signedOff") SignOff signOff) {
    return document + " signed off by " + signOff.by() + " at level " + signOff.level();
  }
}
