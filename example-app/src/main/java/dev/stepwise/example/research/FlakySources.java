package dev.stepwise.example.research;

import dev.stepwise.example.research.ResearchWorkflow.Finding;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Third-party sources that time out on the first call for some of them, like real ones do. */
public class FlakySources {
  private final Map<String, Integer> calls = new ConcurrentHashMap<>();

  /** Answers; "news" and "forums" fail their first call. */
  public Finding ask(String source, String topic) {
    int call = calls.merge(source, 1, Integer::sum);
    if ((source.equals("news") || source.equals("forums")) && call == 1) {
      throw new IllegalStateException(source + " timed out (call " + call + ")");
    }
    return new Finding(source, source + " on " + topic);
  }

  /** How often {@code source} was called. */
  public int calls(String source) {
    return calls.getOrDefault(source, 0);
  }
}
