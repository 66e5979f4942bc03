package dev.stepwise.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer behind the schema documents: order kept, strings escaped, numbers as written. */
class JsonTest {

  @Test
  void writesInInsertionOrder_withTwoSpaceIndent_andScalarListsOnOneLine() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "object");
    doc.put("required", List.of("b", "a"));
    doc.put("items", List.of(Map.of("type", "null")));
    doc.put("empty", Map.of());
    assertEquals(
        "{\n"
            + "  \"type\": \"object\",\n"
            + "  \"required\": [\"b\", \"a\"],\n"
            + "  \"items\": [\n"
            + "    {\n"
            + "      \"type\": \"null\"\n"
            + "    }\n"
            + "  ],\n"
            + "  \"empty\": {}\n"
            + "}\n",
        Json.write(doc));
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters_andKeepsDecimalsAsWritten() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("pattern", "^(?:\"\\d\"\t\n\u0001)$");
    doc.put("minimum", new BigDecimal("0.00"));
    doc.put("enum", Arrays.asList("A", null));
    doc.put("uniqueItems", true);
    assertEquals(
        "{\n"
            + "  \"pattern\": \"^(?:\\\"\\\\d\\\"\\t\\n\\u0001)$\",\n"
            + "  \"minimum\": 0.00,\n"
            + "  \"enum\": [\"A\", null],\n"
            + "  \"uniqueItems\": true\n"
            + "}\n",
        Json.write(doc));
  }
}
