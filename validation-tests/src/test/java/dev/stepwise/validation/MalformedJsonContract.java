package dev.stepwise.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.validation.model.AllTypes;
import dev.stepwise.validation.model.OrderWorkflow;
import dev.stepwise.validation.model.OrderWorkflowRunner;
import dev.stepwise.validation.model.TypesWorkflow;
import dev.stepwise.validation.model.TypesWorkflowRunner;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shape errors in JSON sent to {@code startJson} and {@code resumeXJson} (issue 11, defect 2): each
 * is a {@link ValidationException} naming the JSON path and what is wrong there, never a raw
 * exception, and nothing is stored.
 */
abstract class MalformedJsonContract extends EngineOnDatabase {
  static final String LINE =
      "{\"sku\": \"A-1\", \"quantity\": 2, \"unitCents\": 150,"
          + " \"weightKg\": 0.5, \"discount\": 0.1}";
  static final String ORDER =
      "{\"customer\": \"ann\", \"lines\": ["
          + LINE
          + "], \"billing\": {\"street\": \"Main St 1\","
          + " \"city\": \"Berlin\", \"zip\": \"10115\"}, \"attributes\": {\"gift\": \"yes\"},"
          + " \"priority\": \"HIGH\", \"note\": \"ring twice\"}";

  static final String INT_RANGE = " (-2147483648 - 2147483647)";
  static final String NO_JAVA_NUMBER =
      "is out of range: no Java number holds a number with this exponent";

  private OrderWorkflowRunner orders;

  @BeforeEach
  void register() {
    orders = new OrderWorkflowRunner(engine, new OrderWorkflow());
    engine.start();
  }

  @Test
  void theValidOrder_isAccepted() {
    assertThat(orders.startJson(ORDER).status()).isEqualTo(Status.SUSPENDED);
  }

  @Test
  void aNumberWhereAListHoldsRecords_isAViolationAtItsIndex() {
    refused(
        ORDER.replace("[" + LINE + "]", "[42]"),
        new Violation("$.lines[0]", "must be an object, was an integer"));
  }

  @Test
  void aNumberWhereANullableRecordGoes_isAViolationAtIt() {
    refused(
        ORDER.replaceFirst("\"billing\": \\{[^}]*}", "\"billing\": 42"),
        new Violation("$.billing", "must be an object, was an integer"));
  }

  @Test
  void aNullableRecordMissingARequiredComponent_namesTheComponent() {
    refused(
        ORDER.replaceFirst("\"billing\": \\{[^}]*}", "\"billing\": {\"street\": \"s\"}"),
        new Violation("$.billing.city", "is required"));
  }

  @Test
  void aStringForAnIntegerInsideAListOfRecords_isAViolationAtThatComponent() {
    refused(
        ORDER.replace("\"quantity\": 2", "\"quantity\": \"2\""),
        new Violation("$.lines[0].quantity", "must be an integer, was a string"));
  }

  @Test
  void everyShapeErrorInsideNullableRecords_isListedAtOnce() {
    String json =
        ORDER
            .replace(
                "[" + LINE + "]", "[42, " + LINE.replace("\"sku\": \"A-1\"", "\"sku\": 7") + "]")
            .replaceFirst(
                "\"billing\": \\{[^}]*}", "\"billing\": {\"street\": [], \"town\": \"x\"}");
    refused(
        json,
        new Violation("$.lines[0]", "must be an object, was an integer"),
        new Violation("$.lines[1].sku", "must be a string, was an integer"),
        new Violation("$.billing.city", "is required"),
        new Violation("$.billing.street", "must be a string, was an array"),
        new Violation(
            "$.billing.town", "is not a property of Billing; known properties: street, city, zip"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e400         | cannot be read: Numeric value (1E+400) out of range of int" + INT_RANGE,
        "-1e400        | cannot be read: Numeric value (-1E+400) out of range of int" + INT_RANGE,
        "3000000000    | cannot be read: Numeric value (3000000000) out of range of int"
            + INT_RANGE,
        "1e9999999999  | " + NO_JAVA_NUMBER,
        "-1e9999999999 | " + NO_JAVA_NUMBER,
        "1e-9999999999 | " + NO_JAVA_NUMBER
      })
  void aNumberOutOfRangeOfAnInteger_isAViolationAtItsPath(String number, String message) {
    refused(
        ORDER.replace("\"quantity\": 2", "\"quantity\": " + number),
        new Violation("$.lines[0].quantity", message));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e400        | cannot be read: Numeric value (1E+400) out of range of double",
        "-1e400       | cannot be read: Numeric value (-1E+400) out of range of double",
        "1e-400       | cannot be read: Numeric value (1E-400) too close to zero for a double,"
            + " which would hold 0",
        "1e9999999999 | " + NO_JAVA_NUMBER
      })
  void aNumberADoubleCannotHold_isAViolation_notInfinityOrZero(String number, String message) {
    refused(
        ORDER.replace("\"discount\": 0.1", "\"discount\": " + number),
        new Violation("$.lines[0].discount", message));
  }

  @Test
  void anIntegerTooLongToBeReadBack_isRefused_notStoredForARunThatCouldNeverReadIt()
      throws Exception {
    // Found by the fuzz campaign: 1e100000 became a BigInteger of 100,001 digits, stored, and
    // the run failed at its first step, as the codec reads no number of more than 1,000 digits.
    TypesWorkflowRunner types = new TypesWorkflowRunner(engine, new TypesWorkflow());
    String huge = "\"huge\":123456789012345678901234567890";
    String json = Corpus.MAPPER.writeValueAsString(AllTypes.sample());
    assertThat(json).contains(huge);
    long[] before = rowCounts();
    assertThatThrownBy(
            () -> types.startJson(json.replace(huge, "\"huge\":1e1000"), StartOptions.defaults()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "$.huge",
                            "is too large: written out, it has more than 1000 digits, which could"
                                + " not be read back once stored")));
    assertThat(rowCounts()).isEqualTo(before);
    // 1e999 has 1,000 digits: stored, and read back.
    assertThat(types.startJson(json.replace(huge, "\"huge\":1e999")).status())
        .isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aDecimalKeepsEveryDigitAndItsScale() {
    String runId =
        orders
            .startJsonAsync(
                ORDER.replace("\"weightKg\": 0.5", "\"weightKg\": 12.345678901234567890120"),
                StartOptions.defaults())
            .runId();
    assertThat(storedInput(runId)).contains("\"weightKg\":12.345678901234567890120");
  }

  @Test
  void aDoubleKeepsTheSignOfZero() {
    // Found by the fuzz campaign: a BigDecimal has no -0, so an exact tree must keep it apart.
    String runId =
        orders
            .startJsonAsync(
                ORDER.replace("\"discount\": 0.1", "\"discount\": -0.0"), StartOptions.defaults())
            .runId();
    assertThat(storedInput(runId)).contains("\"discount\":-0.0");
    double read = orders.awaitSettled(runId, WAIT).receive().output().lines().get(0).discount();
    assertThat(Double.doubleToRawLongBits(read)).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void aShapeErrorInAResumePayload_isAViolationAtItsPath_andTheRunStaysSuspended() {
    String runId = orders.startJson(ORDER).runId();
    String before = stepRow(runId, "approve");
    assertThatThrownBy(
            () ->
                orders.resumeApproveJson(
                    runId,
                    "{\"by\": \"bob\", \"changes\": [42], \"limits\":"
                        + " {\"a\": \"x\", \"b\": 1e400}}"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("$.changes[0]", "must be an object, was an integer"),
                        new Violation("$.limits.a", "must be an integer, was a string")));
    assertThat(stepRow(runId, "approve")).isEqualTo(before).startsWith("SUSPENDED/");
  }

  private ValidationException refused(String json, Violation... expected) {
    long[] before = rowCounts();
    String runId = "refused-" + System.nanoTime();
    Throwable thrown = null;
    try {
      orders.startJsonAsync(json, StartOptions.withRunId(runId));
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).as(json).isInstanceOf(ValidationException.class);
    ValidationException e = (ValidationException) thrown;
    if (expected.length > 0) {
      assertThat(e.violations()).as(json).containsExactly(expected);
    }
    assertThat(e.subject()).isEqualTo("input of workflow orders");
    assertThat(storedInput(runId)).isNull();
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(List.of(e.violations())).isNotEmpty();
    return e;
  }
}
