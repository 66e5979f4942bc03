package dev.stepwise.validation.model;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Describes every supported type as the input and output of one step. */
@Workflow(name = "types")
public class TypesWorkflow {
  @Step
  AllTypes echo(@Input AllTypes all) {
    return all;
  }
}
