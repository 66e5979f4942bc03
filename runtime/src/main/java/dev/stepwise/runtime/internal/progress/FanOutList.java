package dev.stepwise.runtime.internal.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.runtime.StepwiseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON list a fan-out step runs over: its size, and one element for one row. */
public final class FanOutList {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FanOutList() {}

  /** How many elements {@code listJson} has; a null list fans out over nothing. */
  public static int size(String listJson, String stepId) {
    return elements(listJson, stepId).size();
  }

  /** The JSON of each element of the list {@code listJson}, in order; empty for a null list. */
  public static List<String> elementJsons(String listJson, String stepId) {
    List<JsonNode> elements = elements(listJson, stepId);
    List<String> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      out.add(write(elements.get(i), stepId, i));
    }
    return out;
  }

  /** The JSON of element {@code index} of the list {@code listJson}. */
  public static String element(String listJson, String stepId, int index) {
    List<JsonNode> elements = elements(listJson, stepId);
    if (index >= elements.size()) {
      throw new StepwiseException(
          "Step \"" + stepId + "\" has no element " + index + "; the list has " + elements.size());
    }
    return write(elements.get(index), stepId, index);
  }

  private static String write(JsonNode element, String stepId, int index) {
    try {
      return JSON.writeValueAsString(element);
    } catch (JsonProcessingException e) {
      throw new StepwiseException("Cannot write element " + index + " of step " + stepId, e);
    }
  }

  private static List<JsonNode> elements(String listJson, String stepId) {
    if (listJson == null) {
      return List.of(); // a null list fans out over nothing
    }
    try {
      JsonNode node = JSON.readTree(listJson);
      if (!node.isArray()) {
        throw new StepwiseException(
            "Step \"" + stepId + "\" fans out over a value that is not a JSON array: " + listJson);
      }
      List<JsonNode> out = new ArrayList<>(node.size());
      node.forEach(out::add);
      return out;
    } catch (JsonProcessingException e) {
      throw new StepwiseException("Cannot read the list step \"" + stepId + "\" fans out over", e);
    }
  }
}
