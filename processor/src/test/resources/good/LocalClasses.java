package good;

import dev.stepwise.*;
import java.util.function.Supplier;

/** Local and anonymous classes without Stepwise's @Workflow: none of them is reported. */
class LocalClasses {
  /** Shadows dev.stepwise.Workflow inside this file, so the local class below is not a workflow. */
  @interface Workflow {}

  @dev.stepwise.Workflow(name = "with-local-classes")
  static class WithLocalClasses {
    @Step
    String greet(@Input String name) {
      record Greeting(String text) {}
      Supplier<String> later =
          new Supplier<>() {
            @Override
            public String get() {
              return new Greeting("hello " + name).text();
            }
          };
      return later.get();
    }
  }

  void notAWorkflow() {
    @Workflow
    class Shadowed {}
  }
}
