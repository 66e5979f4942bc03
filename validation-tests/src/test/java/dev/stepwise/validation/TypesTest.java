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
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.validation.model.AllTypes;
import dev.stepwise.validation.model.TypesWorkflow;
import dev.stepwise.validation.model.TypesWorkflowResult;
import dev.stepwise.validation.model.TypesWorkflowRunner;
import dev.stepwise.validation.model.TypesWorkflowSchemas;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each supported type: a valid 2020-12 schema that accepts it, and a round trip through JSON. */
class TypesTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  @Test
  void theSchemaIsValid_andAcceptsEveryTypeAsJacksonWritesIt() throws Exception {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
    assertThat(meta.validate(Corpus.MAPPER.readTree(TypesWorkflowSchemas.INPUT))).isEmpty();
    JsonNode sample = Corpus.MAPPER.valueToTree(AllTypes.sample());
    assertThat(FACTORY.getSchema(TypesWorkflowSchemas.INPUT, CONFIG).validate(sample)).isEmpty();
  }

  @Test
  void theSchemaRefusesWrongShapesOfEachKind() throws Exception {
    JsonSchema schema = FACTORY.getSchema(TypesWorkflowSchemas.INPUT, CONFIG);
    String[][] changes = {
      {"letter", "\"xy\""},
      {"flag", "1"},
      {"number", "1.5"},
      {"money", "\"12.34\""},
      {"id", "\"123\""},
      {"instant", "\"2024-05-31\""},
      {"localDate", "\"2024-05-31T09:30:00Z\""},
      {"localTime", "\"9:30\""},
      {"yearMonth", "\"2024-5\""},
      {"tier", "\"BRONZE\""},
      {"scores", "[1, \"2\"]"},
      {"matrix", "[[1], [\"x\"]]"},
      {"index", "{\"k\": \"v\"}"},
      {"maybe", "{\"street\": \"x\", \"zip\": \"1\", \"extra\": true}"},
    };
    for (String[] change : changes) {
      ObjectNode node = Corpus.MAPPER.valueToTree(AllTypes.sample());
      node.set(change[0], Corpus.MAPPER.readTree(change[1]));
      assertThat(schema.validate(node)).as("%s = %s", change[0], change[1]).isNotEmpty();
    }
  }

  @Test
  void startJson_acceptsEveryType_andTheEngineStoresWhatItRead(@TempDir Path dir) throws Exception {
    try (Stepwise engine = Stepwise.builder().embedded(dir).workers(1).build()) {
      TypesWorkflowRunner types = new TypesWorkflowRunner(engine, new TypesWorkflow());
      engine.start();
      String json = new JsonCodec().write(AllTypes.sample());
      TypesWorkflowResult done =
          types
              .startJsonAsync(json, StartOptions.defaults())
              .awaitCompletion(Duration.ofSeconds(20));
      assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
      AllTypes back = done.echo().output();
      assertThat(back.money()).isEqualByComparingTo("12.34");
      assertThat(back.yearMonth()).isEqualTo(AllTypes.sample().yearMonth());
      assertThat(back.scores()).containsExactly(1, 2);
      assertThat(back.maybe()).isEqualTo(AllTypes.sample().maybe());
    }
  }

  @Test
  void startJson_refusesARepeatedSetElement_insteadOfDroppingIt(@TempDir Path dir) {
    try (Stepwise engine = Stepwise.builder().embedded(dir).workers(1).build()) {
      TypesWorkflowRunner types = new TypesWorkflowRunner(engine, new TypesWorkflow());
      ObjectNode node = Corpus.MAPPER.valueToTree(AllTypes.sample());
      node.putArray("tiers").add("GOLD").add("GOLD");
      try {
        types.startJsonAsync(node.toString(), StartOptions.defaults());
        throw new AssertionError("expected a ValidationException");
      } catch (ValidationException e) {
        assertThat(e.violations())
            .extracting(v -> v.path() + ": " + v.message())
            .containsExactly("$.tiers: must not contain the same element twice");
      }
    }
  }

  @Test
  void startJson_reportsAnIntegerOutOfRange_withItsPath(@TempDir Path dir) throws Exception {
    try (Stepwise engine = Stepwise.builder().embedded(dir).workers(1).build()) {
      TypesWorkflowRunner types = new TypesWorkflowRunner(engine, new TypesWorkflow());
      ObjectNode node = Corpus.MAPPER.valueToTree(AllTypes.sample());
      node.put("number", 3_000_000_000L);
      try {
        types.startJsonAsync(node.toString(), StartOptions.defaults());
        throw new AssertionError("expected a ValidationException");
      } catch (ValidationException e) {
        assertThat(e.violations()).hasSize(1);
        assertThat(e.violations().get(0).path()).isEqualTo("$.number");
        assertThat(e.violations().get(0).message()).startsWith("cannot be read: ");
      }
    }
  }
}
