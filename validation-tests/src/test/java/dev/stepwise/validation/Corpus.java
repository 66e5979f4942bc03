package dev.stepwise.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.stepwise.validation.model.Customer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Valid and invalid customers: each invalid one is the valid customer with one property replaced,
 * written as JSON so a case stays one line.
 */
final class Corpus {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new ParameterNamesModule())
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  /** A named customer. */
  record Case(String name, Customer customer) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Corpus() {}

  static List<Case> customers() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("valid", Customer.valid()));
    String[][] changes = {
      {"id", "null"},
      {"name", "\" \""},
      {"name", "\"" + "x".repeat(41) + "\""},
      {"name", "null"},
      {"code", "\"\""},
      {"email", "\"not-an-email\""},
      {"email", "\"a@b\""},
      {"email", "\"a..b@example.com\""},
      {"email", "\"x@[127.0.0.1]\""},
      {"email", "\"" + "l".repeat(65) + "@example.com\""},
      {"email", "\"ann@example.com.\""},
      {"email", "\"\""},
      {"country", "\"de\""},
      {"nickname", "\"ANNIE\""},
      {"nickname", "\"ann1\""},
      {"birthday", "\"2999-01-01\""},
      {"renewal", "\"2000-01-01T00:00:00Z\""},
      {"since", "\"2999-01-01T00:00:00Z\""},
      {"until", "\"2000-01-01T00:00:00\""},
      {"age", "17"},
      {"age", "131"},
      {"age", "null"},
      {"points", "0"},
      {"points", "-5"},
      {"credits", "-1"},
      {"delta", "0"},
      {"debt", "0.5"},
      {"limit", "0.001"},
      {"limit", "0.01"},
      {"limit", "1000"},
      {"limit", "999.999"},
      {"serial", "0"},
      {"consent", "false"},
      {"blocked", "true"},
      {"blocked", "null"},
      {"tags", "[\"a\", \"b\", \"c\", \"d\"]"},
      {"tags", "[\"ok\", \" \", \"\"]"},
      {"labels", "[\"UPPER\"]"},
      {"stock", "{}"},
      {"stock", "{\"apple\": -1, \"pear\": 2}"},
      {"stock", "{\"a b\": -1}"},
      {
        "addresses",
        "[{\"street\": \"\", \"zip\": \"1\"}, {\"street\": \"ok\", \"zip\": \"12345\"}]"
      },
      {"home", "{\"street\": \" \", \"zip\": \"123456\"}"},
      {"home", "null"},
      {"unchecked", "{\"street\": \"\", \"zip\": \"x\"}"},
      {"backupEmail", "\"bad\""},
      {"backupEmail", "null"},
      {
        "tree",
        "{\"label\": \"root\", \"children\": [{\"label\": \"a\", \"children\": [{\"label\": \"\","
            + " \"children\": []}]}]}"
      },
      {"account", "{\"owner\": \"\", \"level\": 0}"},
    };
    for (String[] change : changes) {
      cases.add(new Case(change[0] + " = " + change[1], with(change[0], change[1])));
    }
    cases.add(
        new Case("many at once", with(with(with("name", "\"\""), "age", "5"), "points", "0")));
    return cases;
  }

  static Customer with(String property, String json) {
    return with(Customer.valid(), property, json);
  }

  static Customer with(Customer customer, String property, String json) {
    try {
      ObjectNode node = MAPPER.valueToTree(customer);
      JsonNode value = MAPPER.readTree(json);
      node.set(property, value);
      return MAPPER.treeToValue(node, Customer.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
