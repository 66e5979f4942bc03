package com.acme;

import com.acme.shared.HiddenSteps;
import dev.stepwise.Workflow;

@Workflow(name = "hiding")
class HidingWorkflow extends HiddenSteps {}
