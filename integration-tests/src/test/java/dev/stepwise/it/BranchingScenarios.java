package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.BranchFlow;
import dev.stepwise.it.flows.BranchFlowResult;
import dev.stepwise.it.flows.BranchFlowRunner;
import dev.stepwise.it.flows.ConditionsFlow;
import dev.stepwise.it.flows.ConditionsFlow.Request;
import dev.stepwise.it.flows.ConditionsFlowResult;
import dev.stepwise.it.flows.ConditionsFlowRunner;
import dev.stepwise.it.flows.SkippedJoinFlow;
import dev.stepwise.it.flows.SkippedJoinFlowResult;
import dev.stepwise.it.flows.SkippedJoinFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import org.junit.jupiter.api.Test;

/**
 * Mastra's conditions (on status and output, nested and/or), if/else with a merge, nested if/else,
 * and a join over a skipped step.
 */
interface BranchingScenarios extends Scenario {

  @Test
  default void conditionsOnStatusAndOutputWithNestedAndOr() {
    Stepwise engine = engine();
    ConditionsFlowRunner runner = new ConditionsFlowRunner(engine, new ConditionsFlow());
    engine.start();

    // check succeeded AND amount > 100: nested runs, fallback does not.
    ConditionsFlowResult large = runner.start(new Request(500, "low"));
    assertThat(large.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(large.check().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(large.nested().output()).isEqualTo("nested after checked 500");
    assertThat(large.fallback().status()).isEqualTo(Status.SKIPPED);

    // check succeeded AND priority high (the OR's other side).
    ConditionsFlowResult high = runner.start(new Request(5, "high"));
    assertThat(high.nested().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(high.fallback().status()).isEqualTo(Status.SKIPPED);

    // check succeeded but neither side of the OR: both skipped.
    ConditionsFlowResult neither = runner.start(new Request(5, "low"));
    assertThat(neither.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(neither.nested().status()).isEqualTo(Status.SKIPPED);
    assertThat(neither.fallback().status()).isEqualTo(Status.SKIPPED);

    // check skipped (a condition on a step's status): fallback runs, nested is skipped.
    ConditionsFlowResult skipped = runner.start(new Request(0, "high"));
    assertThat(skipped.check().status()).isEqualTo(Status.SKIPPED);
    assertThat(skipped.nested().status()).isEqualTo(Status.SKIPPED);
    assertThat(skipped.fallback().output()).isEqualTo("fallback for 0");
  }

  @Test
  default void ifElseBranchesMergeWithJoinAny() {
    Stepwise engine = engine();
    BranchFlow flow = new BranchFlow();
    BranchFlowRunner runner = new BranchFlowRunner(engine, flow);
    engine.start();

    BranchFlowResult small = runner.start(5);

    assertThat(small.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(small.small().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(small.big().status()).isEqualTo(Status.SKIPPED);
    // The skip propagates into the nested branch under big.
    assertThat(small.huge().status()).isEqualTo(Status.SKIPPED);
    assertThat(small.moderate().status()).isEqualTo(Status.SKIPPED);
    assertThat(small.merge().output()).isEqualTo("small");
    assertThat(small.output()).isEqualTo("5 is small");
    assertThat(flow.executed).containsExactly("classify", "small", "merge", "report");
  }

  @Test
  default void nestedIfElseTakesOneLeafAndMerges() {
    Stepwise engine = engine();
    BranchFlowRunner runner = new BranchFlowRunner(engine, new BranchFlow());
    engine.start();

    BranchFlowResult moderate = runner.start(150);
    assertThat(moderate.big().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(moderate.small().status()).isEqualTo(Status.SKIPPED);
    assertThat(moderate.moderate().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(moderate.huge().status()).isEqualTo(Status.SKIPPED);
    assertThat(moderate.output()).isEqualTo("150 is big/moderate");

    BranchFlowResult huge = runner.start(5000);
    assertThat(huge.huge().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(huge.moderate().status()).isEqualTo(Status.SKIPPED);
    assertThat(huge.output()).isEqualTo("5000 is big/huge");
  }

  @Test
  default void joinOverASkippedStepIsSkippedUnlessItIsAnAnyJoin() {
    Stepwise engine = engine();
    SkippedJoinFlowRunner runner = new SkippedJoinFlowRunner(engine, new SkippedJoinFlow());
    engine.start();

    SkippedJoinFlowResult off = runner.start(false);
    assertThat(off.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(off.maybe().status()).isEqualTo(Status.SKIPPED);
    assertThat(off.strict().status()).isEqualTo(Status.SKIPPED);
    assertThat(off.afterStrict().status()).isEqualTo(Status.SKIPPED);
    assertThat(off.lenient().output()).isEqualTo("always+-");

    SkippedJoinFlowResult on = runner.start(true);
    assertThat(on.strict().output()).isEqualTo("always+maybe");
    assertThat(on.afterStrict().output()).isEqualTo("after always+maybe");
    assertThat(on.lenient().output()).isEqualTo("always+maybe");
  }
}
