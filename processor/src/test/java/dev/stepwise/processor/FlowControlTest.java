package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flow control (queues, the concurrency key, run limits, schedules): each rule broken once, with
 * the exact message on the exact line and column of the value to fix.
 */
class FlowControlTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "a queue class without @Queue is reported on the class literal, naming the class",
            "QueueNotAnnotated",
            "@Step(queue = NotAQueue.class) names bad.NotAQueue, which is not annotated with"
                + " @Queue; declare the queue on a type of its own, like @Queue(name = \"llm\","
                + " concurrency = 8) interface LlmQueue {}, and name that type",
            "@Step(queue = NotAQueue.class)",
            26),
        bad(
            "a queue name outside [A-Za-z0-9_.-]{1,64} is reported on the name",
            "QueueNameInvalid",
            "@Queue(name = \"llm queue\") on SpacedQueue is not a valid queue name; write 1 to 64"
                + " letters, digits, '-', '_' or '.'",
            "@Queue(name = \"llm queue\"",
            15),
        bad(
            "a negative queue limit is reported on the value",
            "QueueLimitNegative",
            "@Queue(perNode = -1) on NegativeQueue must not be negative; write 0 for no limit",
            "perNode = -1",
            49),
        bad(
            "a zero ratePeriod is reported on the value",
            "QueueRatePeriodInvalid",
            "@Queue(ratePeriod = \"0s\") on InstantQueue is not a valid duration; write a positive"
                + " integer and a unit ms, s, m, h or d, at most 365d",
            "ratePeriod = \"0s\"",
            46),
        bad(
            "two queue types of one name: the later declaration is reported, naming the first",
            "QueueNameDuplicate",
            "Queue name \"llm\" of bad.SecondLlmQueue is already the name of bad.FirstLlmQueue;"
                + " queue names are unique in an application",
            "@Queue(name = \"llm\", concurrency = 2)",
            15),
        bad(
            "a perKey queue in a workflow without concurrencyKey is reported on the class literal",
            "QueuePerKeyWithoutKey",
            "Queue \"per-customer\" (bad.PerCustomerQueue) limits its steps per concurrency key"
                + " (perKey = 1), but workflow QueuePerKeyWithoutKey declares no concurrencyKey,"
                + " so its steps could never be keyed",
            "@Step(queue = PerCustomerQueue.class)",
            33),
        bad(
            "a concurrencyKey in a workflow without @Input is reported on the key",
            "KeyWithoutInput",
            "@Workflow(concurrencyKey = \"customer.id\") reads the workflow's input, but"
                + " KeyWithoutInput has no @Input parameter; add one or remove concurrencyKey",
            "concurrencyKey = \"customer.id\"",
            56),
        bad(
            "an unknown property in the key names the segment, with a suggestion",
            "KeyUnknownProperty",
            "@Workflow(concurrencyKey = \"customer.idd\"): type bad.KeyUnknownProperty.Customer has"
                + " no property \"idd\" (did you mean \"id\"?); available properties: id",
            "concurrencyKey = \"customer.idd\"",
            47),
        bad(
            "a malformed key is reported where it breaks",
            "KeyMalformed",
            "@Workflow(concurrencyKey = \"customer..id\") is malformed at \"\"",
            "concurrencyKey = \"customer..id\"",
            47),
        bad(
            "an index on a value that is not a List names the segment",
            "KeyNotAList",
            "@Workflow(concurrencyKey = \"customer[0]\"): \"customer\" has type"
                + " bad.KeyNotAList.Customer, which is not a java.util.List",
            "concurrencyKey = \"customer[0]\"",
            47),
        bad(
            "a key that is neither a string nor a number names its type",
            "KeyType",
            "@Workflow(concurrencyKey = \"customer\") resolves to type bad.KeyType.Customer; a"
                + " concurrency key is a String or a number",
            "concurrencyKey = \"customer\"",
            47),
        bad(
            "a negative maxParallelism is reported on the value",
            "RunLimitNegative",
            "@Workflow(maxParallelism = -1) must not be negative; write 0 for no limit",
            "maxParallelism = -1",
            57),
        bad(
            "maxParallelismPerKey without concurrencyKey is reported on the value",
            "RunLimitPerKeyWithoutKey",
            "@Workflow(maxParallelismPerKey = 1) limits runs per concurrency key, but the workflow"
                + " declares no concurrencyKey",
            "maxParallelismPerKey = 1",
            62),
        bad(
            "a malformed retention is reported on the value",
            "WorkflowRetentionInvalid",
            "@Workflow(retention = \"30 days\") is not a valid duration; write a positive integer"
                + " and a unit ms, s, m, h or d, at most 3650d, like \"30d\" or \"12h\", or leave"
                + " it empty for the engine's default",
            "retention = \"30 days\"",
            60),
        bad(
            "a cron of four fields is reported on the expression",
            "ScheduleCronFields",
            "@Schedule(cron = \"0 3 * *\") has 4 fields; write five (minute hour day-of-month month"
                + " day-of-week, like \"0 3 * * *\") or six with seconds first",
            "@Schedule(cron = \"0 3 * *\")",
            18),
        bad(
            "a five-field cron the library rejects quotes the library's reason",
            "ScheduleCronInvalid",
            "@Schedule(cron = \"0 25 * * *\") is not a valid 5-field cron expression: Failed to"
                + " parse cron expression. Value 25 not in range [0, 23]",
            "@Schedule(cron = \"0 25 * * *\")",
            18),
        bad(
            "a six-field cron is read with seconds first",
            "ScheduleSixFieldsInvalid",
            "@Schedule(cron = \"75 0 3 * * *\") is not a valid 6-field cron expression: Failed to"
                + " parse cron expression. Value 75 not in range [0, 59]",
            "@Schedule(cron = \"75 0 3 * * *\")",
            18),
        bad(
            "a cron inside @Schedules is reported on its value too",
            "ScheduleInContainerInvalid",
            "@Schedule(cron = \"0 15 * * * * *\") has 7 fields",
            "cron = \"0 15 * * * * *\"",
            38),
        bad(
            "an unknown zone is reported on the value",
            "ScheduleZone",
            "@Schedule(zone = \"Europe/Pariss\") is not a known time zone",
            "zone = \"Europe/Pariss\"",
            38),
        bad(
            "a negative catchUp is reported on the value",
            "ScheduleCatchUpNegative",
            "@Schedule(catchUp = -1) must not be negative",
            "catchUp = -1",
            69),
        bad(
            "a malformed tolerance is reported on the value",
            "ScheduleTolerance",
            "@Schedule(tolerance = \"1 minute\") is not a valid duration",
            "tolerance = \"1 minute\"",
            43),
        bad(
            "a scheduled workflow whose input is not an Instant is reported on @Schedule",
            "ScheduleInput",
            "Workflow ScheduleInput has a @Schedule, so the engine starts it with the tick's time,"
                + " a java.time.Instant, but its input type is java.lang.String (the @Input of"
                + " report()); declare that @Input as Instant or remove @Schedule",
            "@Schedule(cron = \"0 3 * * *\")",
            1),
        bad(
            // javac cannot place a mirror of an implicit @Schedules container: the class it is.
            "two unnamed schedules share the workflow's name, reported on the class",
            "ScheduleNameDuplicate",
            "Schedule name \"nightly\" is used by two @Schedule annotations of ScheduleNameDuplicate"
                + " (a @Schedule without a name takes the workflow's name)",
            "class ScheduleNameDuplicate",
            1));
  }

  private static Arguments bad(
      String behaviour, String file, String message, String spot, int column) {
    return Arguments.of(named(behaviour, "bad/" + file + ".java"), message, spot, column);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyOneErrorOnTheExactSpot(
      String resource, String message, String spot, int column) throws IOException {
    JavaFileObject source = Compiler.source(resource);
    Compilation c = Compiler.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(message)
        .inFile(source)
        .onLine(lineContaining(source, spot))
        .atColumn(column);
  }

  /** onLineContaining has no column clause; the same line, found the same way, has one. */
  private static long lineContaining(JavaFileObject source, String spot) throws IOException {
    List<String> lines = source.getCharContent(true).toString().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(spot)) {
        return i + 1;
      }
    }
    throw new AssertionError(spot + " is not in " + source.getName());
  }
}
