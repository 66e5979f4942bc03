package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The context observers store with a run when it starts ({@code sw_runs.run_context}): text fields
 * kept as one JSON object, written with the run's row and read back by the nodes that run its
 * steps.
 */
public final class RunContexts {
  /** The column's size: a traceparent, a tracestate and some baggage fit easily. */
  public static final int MAX_CHARS = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {};

  private final DSLContext dsl;

  public RunContexts(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The stored context of {@code runId}; empty if the run has none or no longer exists. */
  public Map<String, String> read(String runId) {
    Optional<String> json =
        dsl.select(SW_RUNS.RUN_CONTEXT)
            .from(SW_RUNS)
            .where(SW_RUNS.ID.eq(runId))
            .fetchOptional(SW_RUNS.RUN_CONTEXT);
    return decode(json.orElse(null));
  }

  /**
   * The fields as the column stores them: null if there are none, or if they do not fit (a context
   * is worth less than the start it would fail).
   */
  public static String encode(Map<String, String> fields) {
    TreeMap<String, String> sorted = new TreeMap<>();
    fields.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            sorted.put(k, v);
          }
        });
    if (sorted.isEmpty()) {
      return null;
    }
    try {
      String json = JSON.writeValueAsString(sorted);
      return json.length() <= MAX_CHARS ? json : null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /** The fields of a stored context; empty for null. */
  public static Map<String, String> decode(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return Map.copyOf(JSON.readValue(json, FIELDS));
    } catch (JsonProcessingException e) {
      return Map.of(); // written by this class only; a context never fails a step
    }
  }
}
