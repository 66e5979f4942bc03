package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.util.Optional;

/** Renders a workflow's graph and the JSON Schemas of its boundaries. */
final class WorkflowJson {
  private WorkflowJson() {}

  static ObjectNode summary(WorkflowClient client) {
    WorkflowGraph g = client.graph();
    ObjectNode out =
        Json.object()
            .put("name", g.name())
            .put("version", g.version())
            .put("resultStep", g.resultStep())
            .put("mermaid", g.mermaid());
    var steps = out.putArray("steps");
    for (StepSpec s : g.steps()) {
      ObjectNode step = steps.addObject().put("id", s.id()).put("suspendable", s.suspendable());
      step.put("join", s.join().name());
      step.put("event", s.options().event());
      s.after().forEach(step.putArray("after")::add);
    }
    return out;
  }

  static ObjectNode detail(WorkflowClient client) {
    ObjectNode out = summary(client);
    ObjectNode schemas = out.putObject("schemas");
    schemas.set("input", schema(client, Boundary.input()).orElse(null));
    ObjectNode outputs = schemas.putObject("outputs");
    ObjectNode resume = schemas.putObject("resume");
    ObjectNode events = schemas.putObject("events");
    for (StepSpec s : client.graph().steps()) {
      schema(client, Boundary.output(s.id())).ifPresent(x -> outputs.set(s.id(), x));
      schema(client, Boundary.resume(s.id())).ifPresent(x -> resume.set(s.id(), x));
      String event = s.options().event();
      if (event != null) {
        schema(client, Boundary.event(event)).ifPresent(x -> events.set(event, x));
      }
    }
    return out;
  }

  /** The schema of a boundary as a tree; empty if the workflow has no contract there. */
  static Optional<ObjectNode> schema(WorkflowClient client, Boundary boundary) {
    return client
        .contract(boundary)
        .map(Contract::schema)
        .map(Json::parse)
        .filter(ObjectNode.class::isInstance)
        .map(ObjectNode.class::cast);
  }
}
