package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.ScheduleStatus;
import dev.stepwise.runtime.Schedules;
import dev.stepwise.runtime.Stepwise;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** The cron schedules: list them, pause, resume, trigger one now. */
final class ScheduleRoutes {
  private static final String ONE = "/api/schedules/{name}";

  private final Stepwise engine;

  ScheduleRoutes(Stepwise engine) {
    this.engine = engine;
  }

  void install(Javalin app) {
    app.get("/api/schedules", this::list);
    app.post(ONE + "/pause", ctx -> act(ctx, "paused", Schedules::pause));
    app.post(ONE + "/resume", ctx -> act(ctx, "resumed", Schedules::resume));
    app.post(ONE + "/trigger", this::trigger);
  }

  private void list(Context ctx) {
    ObjectNode out = Json.object();
    ArrayNode all = out.putArray("schedules");
    for (ScheduleStatus s : engine.schedules().list()) {
      ObjectNode o =
          all.addObject()
              .put("name", s.name())
              .put("workflow", s.workflow())
              .put("cron", s.cron())
              .put("zone", s.zone())
              .put("paused", s.paused())
              .put("lastRunId", s.lastRunId());
      o.set("nextTick", Json.MAPPER.valueToTree(s.nextTick()));
      o.set("lastTick", Json.MAPPER.valueToTree(s.lastTick()));
    }
    Responses.json(ctx, 200, out);
  }

  private interface Action {
    void apply(Schedules schedules, String name);
  }

  private void act(Context ctx, String done, Action action) {
    String name = existing(ctx);
    action.apply(engine.schedules(), name);
    Responses.json(ctx, 200, Json.object().put("name", name).put(done, true));
  }

  private void trigger(Context ctx) {
    String name = existing(ctx);
    String runId = engine.schedules().triggerNow(name);
    Responses.json(ctx, 201, Json.object().put("name", name).put("runId", runId));
  }

  /** The path's schedule, which must be stored; else 404. */
  private String existing(Context ctx) {
    String name = ctx.pathParam("name");
    if (engine.schedules().find(name).isEmpty()) {
      throw new ApiException(404, "No schedule is named \"" + name + "\"");
    }
    return name;
  }
}
