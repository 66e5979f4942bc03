package dev.stepwise.runtime.internal.store;

import static dev.stepwise.testing.DatabaseKind.H2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.testing.StepwiseDatabase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The queue contract on an H2 file database (the two-statement claim). */
@StepwiseDatabase(H2)
class H2TaskQueueTest extends TaskQueueContract {
  /** H2 has no partial indexes: V7 keeps one status index, which the sweeper and timer share. */
  @Test
  void stepsHaveTheClaimIndexAndTheirKeyOnly() {
    List<String> indexes =
        dsl.fetch(
                "SELECT index_name FROM information_schema.indexes"
                    + " WHERE table_schema = ? AND table_name = 'SW_STEPS'",
                schema.toUpperCase(Locale.ROOT))
            .getValues(0, String.class);

    assertThat(indexes)
        .anyMatch(name -> name.equalsIgnoreCase("sw_steps_claim_ix"))
        .noneMatch(name -> name.equalsIgnoreCase("sw_steps_lease_ix"))
        .noneMatch(name -> name.equalsIgnoreCase("sw_steps_wait_ix"));
  }
}
