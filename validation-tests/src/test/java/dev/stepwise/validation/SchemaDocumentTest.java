package dev.stepwise.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.validation.model.Account;
import dev.stepwise.validation.model.CorpusWorkflow;
import dev.stepwise.validation.model.CorpusWorkflowDefinition;
import dev.stepwise.validation.model.CorpusWorkflowSchemas;
import dev.stepwise.validation.model.Customer;
import dev.stepwise.validation.model.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated JSON Schema documents are valid 2020-12 schemas (checked against the meta-schema by
 * a real validator), accept what the engine writes for valid values and refuse wrong shapes.
 */
class SchemaDocumentTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  static Stream<Contract<?>> contracts() {
    return new CorpusWorkflowDefinition(new CorpusWorkflow()).contracts().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void eachDocument_isAValid2020_12Schema(Contract<?> contract) throws IOException {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
    Set<ValidationMessage> errors = meta.validate(Corpus.MAPPER.readTree(contract.schema()));
    assertThat(errors).isEmpty();
  }

  @Test
  void theResourcesOnTheClassPath_equalTheConstants() throws IOException {
    assertThat(resource("input")).isEqualTo(CorpusWorkflowSchemas.INPUT);
    assertThat(resource("output/echo")).isEqualTo(CorpusWorkflowSchemas.OUTPUT_ECHO);
    assertThat(resource("resume/review")).isEqualTo(CorpusWorkflowSchemas.RESUME_REVIEW);
  }

  @Test
  void validValues_asTheEngineWritesThem_areAccepted() throws IOException {
    assertThat(errors(CorpusWorkflowSchemas.INPUT, Customer.valid())).isEmpty();
    assertThat(errors(CorpusWorkflowSchemas.RESUME_REVIEW, new Account("ann", 1))).isEmpty();
    assertThat(
            errors(
                CorpusWorkflowSchemas.OUTPUT_TREE,
                List.of(new Node("a", List.of(new Node("b", List.of()))))))
        .isEmpty();
    // Outputs may be null: a step may return nothing.
    assertThat(errors(CorpusWorkflowSchemas.OUTPUT_ECHO, null)).isEmpty();
  }

  @Test
  void wrongShapes_andBrokenConstraintsThatJsonSchemaCanExpress_areRefused() throws IOException {
    List<String[]> changes =
        List.of(
            new String[] {"id", "\"not-a-uuid\""},
            new String[] {"id", "null"},
            new String[] {"name", "\"x\""},
            new String[] {"age", "\"forty\""},
            new String[] {"age", "17"},
            new String[] {"points", "1.5"},
            new String[] {"tier", "\"PLATINUM\""},
            new String[] {"birthday", "\"31.05.1990\""},
            new String[] {"limit", "0"},
            new String[] {"tags", "[\"a\", \"b\", \"c\", \"d\"]"},
            new String[] {"stock", "{\"apple\": -1}"},
            new String[] {"home", "{\"street\": \"x\", \"zip\": \"1\", \"floor\": 3}"},
            new String[] {"tree", "{\"label\": \"a\", \"children\": [{\"children\": []}]}"},
            new String[] {"colour", "\"red\""});
    for (String[] change : changes) {
      ObjectNode customer = Corpus.MAPPER.valueToTree(Customer.valid());
      customer.set(change[0], Corpus.MAPPER.readTree(change[1]));
      assertThat(schema(CorpusWorkflowSchemas.INPUT).validate(customer))
          .as("%s = %s", change[0], change[1])
          .isNotEmpty();
    }
  }

  private static Set<String> errors(String schema, Object value) throws IOException {
    JsonNode instance = Corpus.MAPPER.valueToTree(value);
    return schema(schema).validate(instance).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toSet());
  }

  private static JsonSchema schema(String text) {
    return FACTORY.getSchema(text, CONFIG);
  }

  private static String resource(String name) throws IOException {
    String path = "META-INF/stepwise/schemas/corpus/" + name + ".json";
    try (InputStream in = SchemaDocumentTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
