package dev.stepwise.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.validation.FuzzPayloads.Payload;
import dev.stepwise.validation.model.Account;
import dev.stepwise.validation.model.AllTypes;
import dev.stepwise.validation.model.CorpusWorkflow;
import dev.stepwise.validation.model.CorpusWorkflowRunner;
import dev.stepwise.validation.model.Customer;
import dev.stepwise.validation.model.OrderWorkflow;
import dev.stepwise.validation.model.OrderWorkflow.Approval;
import dev.stepwise.validation.model.OrderWorkflow.Order;
import dev.stepwise.validation.model.OrderWorkflowRunner;
import dev.stepwise.validation.model.SignOffWorkflow;
import dev.stepwise.validation.model.SignOffWorkflowRunner;
import dev.stepwise.validation.model.TypesWorkflow;
import dev.stepwise.validation.model.TypesWorkflowRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fuzz campaign of the JSON entry points (issue 11): seeded payloads, each sent to one entry
 * point of the workflows of this module (the corpus customer and its review, every supported type,
 * the order and its approval, a plain string), and for each exactly one of two outcomes:
 *
 * <ul>
 *   <li>a {@link ValidationException} about that boundary whose every violation has a JSON path,
 *       and no row of sw_runs, sw_steps or sw_events added, removed, nor the suspended step's row
 *       changed;
 *   <li>acceptance, with the value stored and read back identical to what was given ({@link
 *       FuzzOracle}).
 * </ul>
 *
 * Anything else (another exception, a refusal that touched a row, an accepted payload stored
 * differently) is a finding; the test lists every finding, each with the seed, the payload's index
 * and the payload, and writes each payload in full under {@code target/json-fuzz/}.
 *
 * <p>The normal build sends {@value #DEFAULT_COUNT} payloads per database. A long campaign:
 *
 * <pre>
 * mvn -B -q -pl validation-tests -am verify -Dtest='*JsonFuzzTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dstepwise.fuzz.count=10000 -Dstepwise.fuzz.seed=42
 * </pre>
 *
 * and {@code -Dstepwise.fuzz.first=N -Dstepwise.fuzz.count=1} sends payload N of that seed alone.
 */
abstract class JsonFuzzContract extends EngineOnDatabase {
  static final int DEFAULT_COUNT = 600;
  static final long SEED = Long.getLong("stepwise.fuzz.seed", 20241211L);
  static final int COUNT = Integer.getInteger("stepwise.fuzz.count", DEFAULT_COUNT);
  static final int FIRST = Integer.getInteger("stepwise.fuzz.first", 0);
  private static final int SHOWN = 20;

  private final List<String> findings = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();

  /** Per entry point: how many payloads it accepted and refused. */
  private final Map<String, int[]> tally = new LinkedHashMap<>();

  /** Refusals by the kind of their first violation. */
  private final Map<String, Integer> reasons = new TreeMap<>();

  @Test
  void everyJsonEntryPoint_refusesWithPathsAndTouchesNothing_orStoresExactlyWhatWasGiven()
      throws Exception {
    register();
    engine.start();
    long started = System.nanoTime();
    for (int i = FIRST; i < FIRST + COUNT; i++) {
      Target target = targets.get(i % targets.size());
      Payload payload = FuzzPayloads.generate(SEED, i, target.base);
      String problem;
      try {
        problem = target.attempt.apply(i, payload.text());
      } catch (RuntimeException | AssertionError | StackOverflowError e) {
        problem = "the harness failed: " + describe(e); // reported with the others, not alone
      }
      if (problem != null) {
        finding(i, target, payload, problem);
      }
    }
    String summary = summary((System.nanoTime() - started) / 1_000_000_000.0);
    System.out.println(summary);
    assertThat(findings)
        .as("%s%nfirst %d findings:%n%s", summary, SHOWN, String.join("\n\n", shown()))
        .isEmpty();
  }

  /** The entry points, with a valid document of each boundary to mutate. */
  private void register() throws IOException {
    CorpusWorkflowRunner corpus = new CorpusWorkflowRunner(engine, new CorpusWorkflow());
    TypesWorkflowRunner types = new TypesWorkflowRunner(engine, new TypesWorkflow());
    OrderWorkflowRunner orders = new OrderWorkflowRunner(engine, new OrderWorkflow());
    SignOffWorkflowRunner signOffs = new SignOffWorkflowRunner(engine, new SignOffWorkflow());
    targets.add(
        start(
            "corpus input",
            "input of workflow corpus",
            tree(Corpus.MAPPER.writeValueAsString(Customer.valid())),
            Customer.class,
            (json, options) -> corpus.startJsonAsync(json, options).await(WAIT).runId(),
            corpus::status,
            Status.SUSPENDED));
    targets.add(
        resume(
            "corpus resume review",
            "resume payload of step review",
            tree("{\"owner\": \"ann\", \"level\": 2}"),
            Account.class,
            () -> corpus.startAsync(Customer.valid()).await(WAIT).runId(),
            "review",
            corpus::resumeReviewJson,
            runId -> corpus.awaitCompletion(runId, WAIT).status()));
    targets.add(
        start(
            "types input",
            "input of workflow types",
            tree(Corpus.MAPPER.writeValueAsString(AllTypes.sample())),
            AllTypes.class,
            (json, options) -> types.startJson(json, options).runId(),
            types::status,
            Status.SUCCEEDED));
    targets.add(
        start(
            "orders input",
            "input of workflow orders",
            tree(MalformedJsonContract.ORDER),
            Order.class,
            (json, options) -> orders.startJsonAsync(json, options).await(WAIT).runId(),
            orders::status,
            Status.SUSPENDED));
    targets.add(
        resume(
            "orders resume approve",
            "resume payload of step approve",
            tree(
                "{\"by\": \"bob\", \"changes\": ["
                    + MalformedJsonContract.LINE
                    + "], \"limits\": {\"eur\": 100}}"),
            Approval.class,
            () -> orders.startJson(MalformedJsonContract.ORDER).runId(),
            "approve",
            orders::resumeApproveJson,
            runId -> orders.awaitCompletion(runId, WAIT).status()));
    targets.add(
        start(
            "sign-off input",
            "input of workflow sign-off",
            tree("\"budget.pdf\""),
            String.class,
            (json, options) -> signOffs.startJsonAsync(json, options).await(WAIT).runId(),
            signOffs::status,
            Status.WAITING));
  }

  /** One entry point: its name, a valid document, and how a payload is sent and judged. */
  private record Target(String name, JsonNode base, BiFunction<Integer, String, String> attempt) {}

  private Target start(
      String name,
      String subject,
      JsonNode base,
      Type type,
      BiFunction<String, StartOptions, String> start,
      Function<String, RunStatus> status,
      Status settled) {
    return new Target(
        name,
        base,
        (index, json) -> {
          String runId = "fuzz-" + index;
          long[] before = rowCounts();
          try {
            start.apply(json, StartOptions.withRunId(runId));
          } catch (Throwable t) {
            count(name, false);
            String problem = refusal(t, subject, before);
            return problem != null || storedInput(runId) == null
                ? problem
                : "refused, but the run was stored";
          }
          count(name, true);
          RunStatus run = status.apply(runId);
          if (run.status() != settled) {
            return "accepted, but the run is " + run.status() + error(run);
          }
          return FuzzOracle.difference(json, storedInput(runId), type);
        });
  }

  private Target resume(
      String name,
      String subject,
      JsonNode base,
      Type type,
      Supplier<String> suspendedRun,
      String stepId,
      BiConsumer<String, String> resume,
      Function<String, Status> completion) {
    String[] current = {null};
    return new Target(
        name,
        base,
        (index, json) -> {
          if (current[0] == null) {
            current[0] = suspendedRun.get(); // settled before any payload is sent to it
          }
          String runId = current[0];
          String row = stepRow(runId, stepId);
          long[] before = rowCounts();
          try {
            resume.accept(runId, json);
          } catch (Throwable t) {
            count(name, false);
            String problem = refusal(t, subject, before);
            return problem != null || row.equals(stepRow(runId, stepId))
                ? problem
                : "refused, but step " + stepId + " changed: " + stepRow(runId, stepId);
          }
          count(name, true);
          current[0] = null; // resumed: the next payload needs another suspended run
          Status done = completion.apply(runId);
          if (done != Status.SUCCEEDED) {
            return "accepted, but the run is " + done;
          }
          // The step returns its resume payload: its stored output is the payload, read back.
          return FuzzOracle.difference(json, storedOutput(runId, stepId), type);
        });
  }

  /** What kind of problem a refusal's first violation names, for the summary. */
  private static String reason(String message) {
    if (message.startsWith("is not valid JSON")) {
      return "not JSON";
    }
    if (message.contains("lone UTF-16 surrogate")) {
      return "lone surrogate";
    }
    if (message.contains("out of range")
        || message.contains("too close to zero")
        || message.startsWith("is too large")) {
      return "number out of range";
    }
    if (message.startsWith("cannot be read")) {
      return "not readable as its Java type";
    }
    if (message.startsWith("must be ") && message.contains(", was ")) {
      return "wrong type or constant";
    }
    if (message.equals("is required") || message.startsWith("is not a property")) {
      return "missing or unknown property";
    }
    return "constraint";
  }

  private void count(String target, boolean accepted) {
    tally.computeIfAbsent(target, t -> new int[2])[accepted ? 0 : 1]++;
  }

  /** What is wrong with how a call refused its payload, or null if it refused it rightly. */
  private String refusal(Throwable thrown, String subject, long[] before) {
    if (!(thrown instanceof ValidationException e)) {
      return "unexpected " + describe(thrown);
    }
    reasons.merge(
        reason(e.violations().isEmpty() ? "" : e.violations().get(0).message()), 1, Integer::sum);
    if (!e.subject().equals(subject)) {
      return "a ValidationException about \"" + e.subject() + "\", not \"" + subject + "\"";
    }
    if (e.violations().isEmpty()) {
      return "a ValidationException without violations";
    }
    for (Violation v : e.violations()) {
      if (!FuzzOracle.isPath(v.path()) || v.message() == null || v.message().isBlank()) {
        return "a violation without a path or a message: " + FuzzPayloads.escape(v.toString());
      }
      if (FuzzOracle.loneSurrogate(v.toString()) >= 0) {
        return "a violation whose text is not valid Unicode: " + FuzzPayloads.escape(v.toString());
      }
    }
    long[] after = rowCounts();
    return Arrays.equals(before, after)
        ? null
        : "refused, but rows changed: " + Arrays.toString(before) + " -> " + Arrays.toString(after);
  }

  private void finding(int index, Target target, Payload payload, String problem) {
    Path file =
        Path.of(
            "target",
            "json-fuzz",
            database.kind() + "-seed-" + SEED + "-payload-" + index + ".json");
    try {
      Files.createDirectories(file.getParent());
      // Escaped, so a lone surrogate survives the file's UTF-8; JSON reads the escapes back.
      Files.writeString(file, FuzzPayloads.escape(payload.text()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = FuzzPayloads.escape(payload.text());
    findings.add(
        String.format(
            "payload #%d of seed %d to %s: %s%n  mutations: %s%n  payload (%d chars): %s%n"
                + "  reproduce: -Dstepwise.fuzz.seed=%d -Dstepwise.fuzz.first=%d"
                + " -Dstepwise.fuzz.count=1 (full payload: %s)",
            index,
            SEED,
            target.name,
            problem,
            payload.mutations(),
            payload.text().length(),
            text.length() <= 2000 ? text : text.substring(0, 2000) + "...",
            SEED,
            index,
            file));
  }

  private List<String> shown() {
    return findings.subList(0, Math.min(SHOWN, findings.size()));
  }

  private String summary(double seconds) {
    long unexpected = findings.stream().filter(f -> f.contains(": unexpected ")).count();
    StringBuilder perTarget = new StringBuilder();
    tally.forEach(
        (target, n) ->
            perTarget.append(String.format("%n  %s: %d accepted, %d refused", target, n[0], n[1])));
    return String.format(
        "JSON fuzz on %s: %d payloads (seed %d, first %d), %d unexpected exceptions, %d findings"
            + " in all, %.1f s%s%n  refusals by first violation: %s",
        database.kind(),
        COUNT,
        SEED,
        FIRST,
        unexpected,
        findings.size(),
        seconds,
        perTarget,
        reasons);
  }

  private static String describe(Throwable t) {
    StringBuilder b =
        new StringBuilder(t.getClass().getName())
            .append(": ")
            .append(FuzzPayloads.abbreviate(FuzzPayloads.escape(String.valueOf(t.getMessage()))));
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(8, trace.length); i++) {
      b.append("\n      at ").append(trace[i]);
    }
    return b.toString();
  }

  private static String error(RunStatus run) {
    return run.error() == null ? "" : " (" + FuzzPayloads.escape(run.error().message()) + ")";
  }

  private static JsonNode tree(String json) throws IOException {
    return FuzzOracle.EXACT.readTree(json);
  }
}
