package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "path-mismatch")
class PathTypeMismatch {
  public static class Line {
    public int quantity;

    public String getSku() {
      return "s";
    }
  }

  record Order(List<Line> lines) {}

  @Step
  Order load() {
    return null;
  }

  @Step
  @After("load")
  String pick(
      @From(value = "load", path = "lines[0].quantity") int quantity,
      @From(value = "load", path = "lines[1].sku") Integer sku) {
    return sku + " x" + quantity;
  }
}
