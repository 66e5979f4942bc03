package dev.stepwise.runtime.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads one JSON value into a tree whose numbers are exactly what the text says. Jackson's own tree
 * holds a number with a fraction or an exponent as a {@code double} (so {@code 1e400} becomes
 * infinity and a long decimal loses digits on its way to a {@code BigDecimal}), or, when asked, as
 * a {@code BigDecimal}, which has no negative zero ({@code -0.0} would reach a {@code double} as
 * {@code 0.0}). Here such a number is a {@code BigDecimal} with its digits and scale, and a
 * negative zero a {@code double} {@code -0.0}.
 */
final class ExactTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExactTree() {}

  /**
   * The value at the parser's next token, or null if there is none; a {@link NumberFormatException}
   * for a number no {@code BigDecimal} holds ({@code 1e9999999999}), with the parser at that
   * number.
   */
  static JsonNode read(JsonParser p) throws IOException {
    JsonToken token = p.nextToken();
    return token == null ? null : value(p, token);
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        // The parser refuses a key twice (STRICT_DUPLICATE_DETECTION) and nesting that is too deep.
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          object.set(name, value(p, p.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(value(p, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> IntNode.valueOf(p.getIntValue());
            case LONG -> LongNode.valueOf(p.getLongValue());
            default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> {
        BigDecimal exact = p.getDecimalValue();
        yield exact.signum() == 0 && p.getText().startsWith("-")
            ? DoubleNode.valueOf(-0.0)
            : DecimalNode.valueOf(exact);
      }
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalStateException("unexpected token " + token + " in a JSON value");
    };
  }
}
