package dev.stepwise.processor.diagnostics;

/**
 * Every diagnostic the processor reports, in one place. Each message states the rule, the offending
 * value and the fix.
 *
 * <p>Retry inheritance: a step's {@code @Retry} replaces the class's {@code @Retry} wholesale
 * (attributes it leaves out take the annotation's defaults, not the class's values); a step with no
 * {@code @Retry} on itself or its class runs once ({@code RetryPolicy.NONE}).
 */
public enum Messages {
  // Class-level rules.
  WORKFLOW_NAME_EMPTY(
      "@Workflow(name) must not be empty: the name is stored with every run; write @Workflow(name ="
          + " \"order\")"),
  WORKFLOW_NAME_DUPLICATE(
      "Workflow name \"%s\" is already used by %s; workflow names must be unique in an"
          + " application, so rename one of them"),
  WORKFLOW_NO_STEPS("Workflow %s has no @Step methods; add at least one @Step method"),
  WORKFLOW_PRIVATE(
      "@Workflow class %s must not be private: the generated runner in the same package must"
          + " reference it; make it package-private or public"),
  WORKFLOW_INNER(
      "@Workflow class %s is an inner class: the runner cannot construct its definition without an"
          + " enclosing instance; make it static"),
  WORKFLOW_LOCAL(
      "@Workflow class %s is declared inside %s, where annotation processors cannot see it and"
          + " generated code could not refer to it; move it out, to the top level or a static"
          + " nested class"),
  WORKFLOW_GENERIC(
      "@Workflow class %s must not declare type parameters: the runner and result cannot be typed;"
          + " remove the type parameters"),
  RESULT_UNKNOWN("@Workflow(result = \"%s\") names no step of this workflow%s"),
  RESULT_VOID(
      "@Workflow(result = \"%s\") names a void step, which has no output; name a step that returns"
          + " the workflow's output"),
  STEP_OUTSIDE_WORKFLOW(
      "@%s method %s() is in %s, which is not annotated with @Workflow; add @Workflow(name = \"...\")"
          + " to the class, make the class abstract to share its steps with @Workflow subclasses,"
          + " or remove @%s"),
  STEP_INHERITED_INACCESSIBLE(
      "@%s method %s() in superclass %s is %s and in another package, so the code generated for %s"
          + " cannot call it; %s"),

  // Placement rules: DSL annotations where they would have no effect.
  ANNOTATION_WITHOUT_STEP(
      "@%s on %s() has no effect: %s() is not a @Step, so it is not in the workflow's graph; add"
          + " @Step to it or remove @%s"),
  RETRY_WITHOUT_WORKFLOW(
      "@Retry on %s has no effect: a class's @Retry is the default policy of its steps only on a"
          + " @Workflow class, and %s is not one; add @Workflow(name = \"...\") to it, or move @Retry"
          + " to the workflow class or onto the steps"),
  SCHEDULE_WITHOUT_WORKFLOW(
      "@Schedule on %s has no effect: a schedule starts the workflow it is on, and %s is not a"
          + " @Workflow class; add @Workflow(name = \"...\") to it, or move @Schedule to the"
          + " workflow it should start"),
  PARAMETER_SOURCE_WITHOUT_STEP(
      "@%s on parameter %s of %s() has no effect: only @Step and @Condition methods receive their"
          + " parameters from the engine, and %s() is neither; add @Step to it or remove @%s"),
  PARAMETER_SOURCE_ON_CONSTRUCTOR(
      "@%s on parameter %s of the constructor of %s has no effect: only @Step and @Condition"
          + " methods receive their parameters from the engine, and you construct the class"
          + " yourself; remove @%s"),

  // Method-level rules.
  METHOD_PRIVATE(
      "@%s method %s() must not be private: the generated code in the same package calls it; make"
          + " it package-private"),
  STEP_STATIC(
      "@Step method %s() must not be static: steps are called on the workflow instance given to the"
          + " runner; remove static"),
  METHOD_GENERIC(
      "@%s method %s() must not declare type parameters: its types must be known at compile time;"
          + " remove the type parameters"),
  STEP_ID_INVALID(
      "Step id \"%s\" is not a Java identifier: step ids name generated methods (result accessors,"
          + " resume methods); use letters, digits and _"),
  STEP_ID_RESERVED(
      "Step id \"%s\" clashes with the generated result's %s() method; rename the step with @Step(id"
          + " = \"...\")"),
  STEP_ID_DUPLICATE(
      "Duplicate step id \"%s\": it is also the id of %s(); give one of them another @Step(id ="
          + " \"...\")"),
  STEP_ID_SIMILAR(
      "Step id \"%s\" differs from \"%s\", the id of %s(), only in letter case or underscores;"
          + " generated names (constants, resume methods) would clash, so rename one of them"),
  AFTER_DUPLICATE("@After names step \"%s\" twice; remove the repeated id"),
  CONDITION_DUPLICATE(
      "Duplicate @Condition \"%s\": conditions are named by their method, so overloads are"
          + " ambiguous; rename one of them"),
  CONDITION_NOT_BOOLEAN(
      "@Condition %s() returns %s; a condition must return boolean, so change its return type"),

  // Parameter rules.
  PARAM_NO_KIND(
      "Parameter %s of %s() is none of @Input, @From, @Resume or StepContext; annotate it to say"
          + " where its value comes from"),
  PARAM_TWO_KINDS(
      "Parameter %s of %s() has both %s; a parameter takes its value from one place, so keep one"),
  INPUT_TYPES_DIFFER(
      "@Input parameter %s has type %s, but the workflow's input type is %s (the @Input of %s());"
          + " every @Input in a workflow has the same type, so use %s"),
  RESUME_NOT_OPTIONAL(
      "@Resume parameter %s has type %s; it must be Optional<T>: empty on the first execution, the"
          + " payload once resumed; declare it as Optional<%s>"),
  RESUME_TWICE(
      "Step %s() has two @Resume parameters (%s and %s); a step has at most one resume payload, so"
          + " remove one"),
  CONDITION_FORBIDDEN_PARAM(
      "@Condition %s() may not take %s: a condition is evaluated before its step runs and may read"
          + " only @Input and @From; remove parameter %s"),

  // Graph rules.
  AFTER_UNKNOWN_STEP("@After refers to unknown step \"%s\"%s"),
  FROM_UNKNOWN_STEP("@From refers to unknown step \"%s\"%s"),
  CONDITION_UNKNOWN("@Step(%s = \"%s\") refers to unknown @Condition \"%s\"%s"),
  CYCLE("Step cycle: %s; a workflow must be acyclic, so remove one of these @After edges"),
  FROM_NOT_UPSTREAM(
      "@From(\"%s\") reads step \"%s\", which is not upstream of step \"%s\"; @From adds no edge, so"
          + " add %s to %s()"),
  CONDITION_FROM_NOT_UPSTREAM(
      "@Condition %s() reads @From(\"%s\"), but step \"%s\" is not upstream of step \"%s\", which"
          + " uses this condition; add %s to %s()"),
  FROM_VOID(
      "@From(\"%s\") reads step \"%s\", which returns void and has no output; read another step or"
          + " return a value from %s()"),
  FROM_TYPE_MISMATCH(
      "@From(\"%s\") parameter %s has type %s, but step \"%s\" outputs %s; change the parameter"
          + " type to %s"),
  FROM_PATH_TYPE_MISMATCH(
      "@From(value = \"%s\", path = \"%s\") parameter %s has type %s, but the property at that path"
          + " has type %s; change the parameter type to %s"),
  FROM_SKIPPABLE_NOT_OPTIONAL(
      "@From(\"%s\") parameter %s must be Optional<%s>: step \"%s\" can be skipped (%s) and then"
          + " has no output; declare it as Optional<%s>"),
  PATH_MALFORMED(
      "@From path \"%s\" is malformed at \"%s\"; write properties separated by dots, with optional"
          + " list indexes, like \"address.city\" or \"items[0].sku\""),
  PATH_UNKNOWN_PROPERTY(
      "@From path \"%s\": type %s has no property \"%s\"%s; available properties: %s"),
  PATH_NOT_A_LIST(
      "@From path \"%s\": \"%s\" has type %s, which is not a java.util.List, so it cannot be indexed"
          + " with [%s]; remove the index"),

  // @Retry rules.
  RETRY_DURATION(
      "@Retry(%s = \"%s\") is not a valid duration; write a non-negative integer and a unit ms, s,"
          + " m, h or d, like \"250ms\" or \"5s\""),
  RETRY_DURATION_TOO_LONG(
      "@Retry(%s = \"%s\") is longer than %s, the longest allowed; use a shorter duration"),
  RETRY_ATTEMPTS(
      "@Retry(attempts = %d) must be between 1 and %d: attempts counts every execution, the first"
          + " included (1 means no retry)"),
  RETRY_BACKOFF(
      "@Retry(backoff = %s) must be between 1 and %s: each retry waits backoff times longer than the"
          + " previous one"),
  RETRY_JITTER(
      "@Retry(jitter = %s) must be between 0 and 1: it is the random spread of each delay"),

  // Step options.
  STEP_DURATION(
      "@%s(%s = \"%s\") is not a valid duration; write a positive integer and a unit ms, s, m, h"
          + " or d, like \"30s\" or \"24h\""),
  STEP_DURATION_TOO_LONG(
      "@%s(%s = \"%s\") is longer than %s, the longest allowed; use a shorter duration"),

  // @Parallel and @Item.
  PARALLEL_UNKNOWN_STEP("@Parallel(over = \"%s\") refers to unknown step \"%s\"%s"),
  PARALLEL_NOT_UPSTREAM(
      "@Parallel(over = \"%s\") fans out over step \"%s\", which is not upstream of step \"%s\";"
          + " add %s to %s()"),
  PARALLEL_NOT_A_LIST(
      "@Parallel(over = \"%s\") fans out over step \"%s\", which outputs %s; it must output a"
          + " java.util.List, one element per parallel execution"),
  PARALLEL_NO_ITEM(
      "@Parallel step %s() has no @Item parameter; add one of type %s to receive each element"),
  PARALLEL_TWO_ITEMS(
      "@Parallel step %s() has two @Item parameters (%s and %s); each execution receives one"
          + " element, so remove one"),
  PARALLEL_MAX_CONCURRENCY(
      "@Parallel(maxConcurrency = %d) must not be negative; write 0 for no limit or the number of"
          + " elements to run at once"),
  PARALLEL_SUSPENDABLE(
      "@Parallel step %s() must not have a @Resume parameter: its elements run as separate tasks"
          + " and cannot be resumed one by one; move the suspend to a step before or after it"),
  ITEM_TYPE_MISMATCH(
      "@Item parameter %s has type %s, but step \"%s\" outputs a list of %s; change the parameter"
          + " type to %s"),
  ITEM_WITHOUT_PARALLEL(
      "@Item parameter %s of %s() needs @Parallel(over = \"...\") on the step, naming the step whose"
          + " list it receives the elements of"),

  // Loops.
  LOOP_NO_MAX(
      "@Step(%s = \"%s\") needs maxIterations of at least 1 (it is %d), so the loop cannot run"
          + " forever; add maxIterations = 10 or the bound you mean"),
  LOOP_BOTH(
      "@Step has both repeatUntil = \"%s\" and repeatWhile = \"%s\"; a loop has one condition,"
          + " so keep one"),
  LOOP_MAX_WITHOUT_CONDITION(
      "@Step(maxIterations = %d) bounds a loop, but the step has no repeatUntil or repeatWhile;"
          + " add the loop's condition or remove maxIterations"),
  LOOP_PARALLEL(
      "Step %s() is both a loop and @Parallel; loop the step before or after the fan-out instead"),
  PREVIOUS_WITHOUT_LOOP(
      "@Previous parameter %s of %s() receives the output of the loop's iteration before, but %s()"
          + " is not a loop; add repeatUntil or repeatWhile and maxIterations to its @Step, or"
          + " remove @Previous"),
  PREVIOUS_TYPE(
      "@Previous parameter %s has type %s; it must be Optional of the step's own output type: empty"
          + " on the first iteration, the iteration before's output after that; declare it as"
          + " Optional<%s>"),
  PREVIOUS_TWICE(
      "Step %s() has two @Previous parameters (%s and %s); both would receive the same output of"
          + " the iteration before, so remove one"),

  // Events.
  EVENT_TWICE(
      "Step %s() has two @Event parameters (%s and %s); a step waits for one event, so remove one"),
  EVENT_NAME_INVALID(
      "@Event(\"%s\") is not a Java identifier: the name makes the generated send method; use"
          + " letters, digits and _"),
  EVENT_TYPES_DIFFER(
      "@Event(\"%s\") parameter %s has type %s, but %s() receives the same event as %s; one event"
          + " has one payload type, so use %s or rename one event"),

  // Transactional steps.
  TRANSACTIONAL_NO_DSL(
      "@Step(transactional = true) method %s() has no org.jooq.DSLContext parameter; add one: it is"
          + " bound to the transaction that records the step, so its writes commit with the result"),
  DSL_WITHOUT_TRANSACTIONAL(
      "Parameter %s of %s() is a DSLContext, which only a transactional step receives; add"
          + " @Step(transactional = true) or remove the parameter"),
  TRANSACTIONAL_COMBINED(
      "@Step(transactional = true) cannot be combined with %s: the step runs inside the one"
          + " transaction that records its result; remove one of them"),

  // Flow control: queues.
  QUEUE_NOT_ANNOTATED(
      "@%s(queue = %s.class) names %s, which is not annotated with @Queue; declare the queue on a"
          + " type of its own, like @Queue(name = \"llm\", concurrency = 8) interface LlmQueue {},"
          + " and name that type"),
  QUEUE_NAME_INVALID(
      "@Queue(name = \"%s\") on %s is not a valid queue name; write 1 to 64 letters, digits, '-',"
          + " '_' or '.', like \"llm\" or \"payments.eu\""),
  QUEUE_LIMIT_NEGATIVE("@Queue(%s = %d) on %s must not be negative; write 0 for no limit"),
  QUEUE_RATE_PERIOD(
      "@Queue(ratePeriod = \"%s\") on %s is not a valid duration; write a positive integer and a"
          + " unit ms, s, m, h or d, at most %s, like \"1s\" or \"1m\""),
  QUEUE_NAME_DUPLICATE(
      "Queue name \"%s\" of %s is already the name of %s; queue names are unique in an application"
          + " (the steps of both would share one queue's limits), so rename one of them"),
  QUEUE_PER_KEY_WITHOUT_KEY(
      "Queue \"%s\" (%s) limits its steps per concurrency key (perKey = %d), but workflow %s"
          + " declares no concurrencyKey, so its steps could never be keyed; add"
          + " @Workflow(concurrencyKey = \"...\") or use a queue without perKey"),

  // Flow control: the concurrency key and run limits.
  KEY_WITHOUT_INPUT(
      "@Workflow(concurrencyKey = \"%s\") reads the workflow's input, but %s has no @Input"
          + " parameter; add one or remove concurrencyKey"),
  KEY_PATH_MALFORMED(
      "@Workflow(concurrencyKey = \"%s\") is malformed at \"%s\"; write properties of the input"
          + " separated by dots, with optional list indexes, like \"customer.id\" or"
          + " \"lines[0].sku\""),
  KEY_PATH_UNKNOWN_PROPERTY(
      "@Workflow(concurrencyKey = \"%s\"): type %s has no property \"%s\"%s; available"
          + " properties: %s"),
  KEY_PATH_NOT_A_LIST(
      "@Workflow(concurrencyKey = \"%s\"): \"%s\" has type %s, which is not a java.util.List, so"
          + " it cannot be indexed with [%s]; remove the index"),
  KEY_TYPE(
      "@Workflow(concurrencyKey = \"%s\") resolves to type %s; a concurrency key is a String or a"
          + " number (int, long, Integer, BigDecimal, ...), so name a property of one of those"
          + " types"),
  WORKFLOW_RETENTION(
      "@Workflow(retention = \"%s\") is not a valid duration; write a positive integer and a"
          + " unit ms, s, m, h or d, at most %s, like \"30d\" or \"12h\", or leave it empty for"
          + " the engine's default"),
  RUN_LIMIT_NEGATIVE("@Workflow(%s = %d) must not be negative; write 0 for no limit"),
  RUN_LIMIT_PER_KEY_WITHOUT_KEY(
      "@Workflow(maxParallelismPerKey = %d) limits runs per concurrency key, but the workflow"
          + " declares no concurrencyKey; add concurrencyKey = \"...\" naming the input property"
          + " to key on, or remove maxParallelismPerKey"),

  // Flow control: schedules.
  SCHEDULE_CRON_FIELDS(
      "@Schedule(cron = \"%s\") has %d fields; write five (minute hour day-of-month month"
          + " day-of-week, like \"0 3 * * *\") or six with seconds first (like \"0 0 3 * * *\")"),
  SCHEDULE_CRON_INVALID("@Schedule(cron = \"%s\") is not a valid %d-field cron expression: %s"),
  SCHEDULE_ZONE(
      "@Schedule(zone = \"%s\") is not a known time zone; write a region id like"
          + " \"Europe/Paris\", \"UTC\" or an offset like \"+02:00\""),
  SCHEDULE_CATCH_UP_NEGATIVE(
      "@Schedule(catchUp = %d) must not be negative: it is the most missed ticks started after a"
          + " downtime; write 0 to start none"),
  SCHEDULE_TOLERANCE(
      "@Schedule(tolerance = \"%s\") is not a valid duration; write a positive integer and a unit"
          + " ms, s, m, h or d, at most %s, like \"30s\" or \"5m\""),
  SCHEDULE_INPUT(
      "Workflow %s has a @Schedule, so the engine starts it with the tick's time, a"
          + " java.time.Instant, but its input type is %s (the @Input of %s()); declare that"
          + " @Input as Instant or remove @Schedule"),
  SCHEDULE_NAME_DUPLICATE(
      "Schedule name \"%s\" is used by two @Schedule annotations of %s%s; the name is part of"
          + " each run id of the schedule, so give each one a name of its own with"
          + " @Schedule(name = \"...\")"),

  // Validation rules: the types crossing boundaries and their constraints.
  TYPE_UNSUPPORTED("%s has type %s, which Stepwise cannot validate or describe as JSON Schema: %s"),
  CONSTRAINT_NOT_APPLICABLE(
      "@%s cannot be checked on %s, which has type %s: it applies to %s; remove it or change the"
          + " type"),
  CONSTRAINT_UNSUPPORTED(
      "@%s is not supported by Stepwise's generated validators, which check @NotNull, @NotBlank,"
          + " @NotEmpty, @Size, @Min, @Max, @Positive, @PositiveOrZero, @Negative,"
          + " @NegativeOrZero, @DecimalMin, @DecimalMax, @Pattern, @Email, @Past, @PastOrPresent,"
          + " @Future, @FutureOrPresent, @AssertTrue, @AssertFalse and @Valid; remove it and check"
          + " the rule in a step"),
  CONSTRAINT_INVALID("@%s on %s is invalid: %s"),

  INTERNAL_ERROR(
      "Internal error in the Stepwise processor while processing %s; please report it with this"
          + " stack trace:%n%s");

  private final String format;

  Messages(String format) {
    this.format = format;
  }

  String format(Object... args) {
    return String.format(format, args);
  }

  /**
   * The format string, which {@code docs/compile-errors.md} quotes (a test checks that it does).
   */
  String template() {
    return format;
  }
}
