package dev.stepwise.http;

import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.Watch;
import dev.stepwise.runtime.spi.WorkflowClient;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET .../runs/{runId}/events-stream}: the run's changes as server-sent events, each with
 * its {@link StreamPosition} as id. Ends after the run's final change.
 */
final class EventStream {
  static final String PATH = RunRoutes.RUN + "/events-stream";
  // A comment this often finds a client that went away, so its watch does not outlive it.
  private static final long PING_SECONDS = 15;

  private final Clients clients;

  EventStream(Clients clients) {
    this.clients = clients;
  }

  void install(Javalin app) {
    // Checked before the stream starts: once it has, the status line (200) is sent already.
    app.before(PATH, ctx -> RunRoutes.existing(clients.of(ctx), ctx));
    app.sse(PATH, this::stream);
  }

  private void stream(SseClient sse) {
    WorkflowClient client = clients.of(sse.ctx());
    String runId = sse.ctx().pathParam("runId");
    StreamPosition position = StreamPosition.parse(sse.ctx().header("Last-Event-ID"));
    // The watch thread only queues: writing to a slow client there would hold up every watch.
    BlockingQueue<RunChange> changes = new LinkedBlockingQueue<>();
    Watch watch = client.watch(runId, changes::add);
    try {
      while (!sse.terminated()) {
        RunChange c = changes.poll(PING_SECONDS, TimeUnit.SECONDS);
        if (c == null) {
          sse.sendComment("ping");
          continue;
        }
        if (position.hasSeen(c)) {
          continue;
        }
        position.advance(c);
        sse.sendEvent("change", Json.write(RunJson.change(c)), position.id());
        if (c.isRunChange() && c.status().isTerminal()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping
    } finally {
      watch.close();
      sse.close();
    }
  }
}
