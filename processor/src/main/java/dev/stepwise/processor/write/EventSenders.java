package dev.stepwise.processor.write;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes the runner's typed {@code sendName(runId, payload)} method per event, in graph order. */
final class EventSenders {
  private EventSenders() {}

  static List<MethodSpec> write(WriterContext ctx) {
    List<MethodSpec> methods = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (StepModel step : ctx.workflow.steps()) {
      StepOptionsModel options = step.options();
      if (!options.hasEvent() || !seen.add(options.eventName().name())) {
        continue;
      }
      String name = options.eventName().name();
      methods.add(
          MethodSpec.methodBuilder("send" + WriterContext.capitalize(name))
              .addJavadoc(
                  "Sends event {@code $L} to the run: step {@code $L} waits for it; one sent"
                      + " before the run\nreaches that step is kept. False if the run had it"
                      + " already (the first is kept).\n",
                  name,
                  step.stepId())
              .addModifiers(ctx.memberModifiers())
              .returns(boolean.class)
              .addParameter(String.class, "runId")
              .addParameter(TypeName.get(options.event().type()), "payload")
              .addStatement("return client.sendEvent(runId, $S, payload)", name)
              .build());
    }
    return methods;
  }
}
