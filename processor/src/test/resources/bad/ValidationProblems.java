package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.util.List;

@Workflow(name = "validation-problems")
class ValidationProblems {
  record Line(@Size(min = 1) int quantity, @Past String when, @NotBlank String sku) {}

  @Step
  Line first(@Input Line line) {
    return line;
  }

  @Step
  @After("first")
  Line second(@From("first") Line line) {
    return line;
  }

  @Step
  @After("second")
  Object third() {
    return null;
  }

  @Step
  @After("third")
  List<Object> fourth() {
    return List.of();
  }
}
