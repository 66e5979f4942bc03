package dev.stepwise.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A test client of the API over the JDK's HttpClient, with an optional bearer token. */
final class Api {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Reply(int status, JsonNode json) {}

  /** One server-sent event. */
  record Event(String id, String name, JsonNode data) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  Api(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  Api withToken(String other) {
    return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
  }

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Reads the events stream until {@code last} matches an event (or the stream ends). */
  List<Event> stream(String path, String lastEventId, Predicate<Event> last) {
    HttpRequest.Builder r = request(path).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      r.header("Last-Event-ID", lastEventId);
    }
    List<Event> events = new ArrayList<>();
    try {
      HttpResponse<Stream<String>> res = http.send(r.build(), HttpResponse.BodyHandlers.ofLines());
      if (res.statusCode() != 200) {
        throw new AssertionError("stream answered " + res.statusCode());
      }
      try (Stream<String> lines = res.body()) {
        String id = null;
        String name = null;
        String data = null;
        for (String line : (Iterable<String>) lines::iterator) {
          if (line.startsWith("id:")) {
            id = line.substring(3).trim();
          } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            data = line.substring(5).trim();
          } else if (line.isEmpty() && data != null) {
            Event e = new Event(id, name, MAPPER.readTree(data));
            events.add(e);
            id = name = data = null;
            if (last.test(e)) {
              break;
            }
          }
        }
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = res.body();
      return new Reply(res.statusCode(), body.isEmpty() ? null : MAPPER.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
