package bad;

import dev.stepwise.Workflow;

@Workflow(name = "empty")
class NoSteps {}
