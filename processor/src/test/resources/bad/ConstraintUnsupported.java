package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

@Workflow(name = "digits")
class ConstraintUnsupported {
  record Price(@Digits(integer = 5, fraction = 2) BigDecimal amount) {}

  @Step
  String show(@Input Price price) {
    return price.toString();
  }
}
