package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.RunPage;
import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.RunSummary;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A workflow's runs as a {@link RunQuery} selects them, newest first (created_at, then id, both
 * descending), a page at a time: the next page starts after the last row of this one (a keyset, not
 * an offset), so a page costs the same however deep, on the index of (workflow, created_at).
 */
public final class RunQueries {
  private final DSLContext dsl;

  public RunQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A page of runs of {@code workflow}; {@code narrowed} further restricts the statuses. */
  public RunPage page(String workflow, RunQuery query, Set<Status> narrowed) {
    List<RunSummary> runs = new ArrayList<>();
    for (var r :
        dsl.select(
                SW_RUNS.ID,
                SW_RUNS.WORKFLOW,
                SW_RUNS.STATUS,
                SW_RUNS.IDEMPOTENCY_KEY,
                SW_RUNS.FAILED_STEP,
                SW_RUNS.ERROR_TYPE,
                SW_RUNS.CREATED_AT,
                SW_RUNS.UPDATED_AT,
                SW_RUNS.FORKED_FROM)
            .from(SW_RUNS)
            .where(condition(workflow, query, narrowed))
            .orderBy(SW_RUNS.CREATED_AT.desc(), SW_RUNS.ID.desc())
            .limit(query.limit() + 1)
            .fetch()) {
      runs.add(
          new RunSummary(
              r.value1(),
              r.value2(),
              Status.valueOf(r.value3()),
              r.value4(),
              r.value5(),
              r.value6(),
              r.value7().toInstant(),
              r.value8().toInstant(),
              r.value9()));
    }
    if (runs.size() <= query.limit()) {
      return new RunPage(runs, null);
    }
    List<RunSummary> page = runs.subList(0, query.limit());
    RunSummary last = page.get(page.size() - 1);
    return new RunPage(page, cursor(last));
  }

  private static Condition condition(String workflow, RunQuery q, Set<Status> narrowed) {
    Condition c = SW_RUNS.WORKFLOW.eq(workflow);
    Set<Status> statuses = q.statuses();
    if (!narrowed.isEmpty()) {
      statuses = statuses.isEmpty() ? narrowed : intersect(statuses, narrowed);
      if (statuses.isEmpty()) {
        return DSL.falseCondition();
      }
    }
    if (!statuses.isEmpty()) {
      c = c.and(SW_RUNS.STATUS.in(statuses.stream().map(Status::name).toList()));
    }
    if (q.createdFrom() != null) {
      c = c.and(SW_RUNS.CREATED_AT.ge(odt(q.createdFrom())));
    }
    if (q.createdBefore() != null) {
      c = c.and(SW_RUNS.CREATED_AT.lt(odt(q.createdBefore())));
    }
    if (q.runIdPrefix() != null) {
      // A range, not LIKE: the prefix needs no escaping and the primary key serves it.
      c = c.and(SW_RUNS.ID.ge(q.runIdPrefix())).and(SW_RUNS.ID.lt(q.runIdPrefix() + '\uffff'));
    }
    if (q.idempotencyKey() != null) {
      c = c.and(SW_RUNS.IDEMPOTENCY_KEY.eq(q.idempotencyKey()));
    }
    if (q.errorType() != null) {
      c = c.and(SW_RUNS.ERROR_TYPE.eq(q.errorType()));
    }
    if (q.after() != null) {
      Cursor at = Cursor.parse(q.after());
      OffsetDateTime created = odt(at.createdAt());
      // "created_at <= t" on its own as well: only a plain bound is an index condition. With the
      // OR alone PostgreSQL walked the index from the newest run and filtered every run before the
      // page (405 ms for a page deep in 2,000,000 runs; 0.14 ms with the bound).
      c =
          c.and(SW_RUNS.CREATED_AT.le(created))
              .and(SW_RUNS.CREATED_AT.lt(created).or(SW_RUNS.ID.lt(at.runId())));
    }
    return c;
  }

  private static Set<Status> intersect(Set<Status> a, Set<Status> b) {
    Set<Status> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }

  private static String cursor(RunSummary last) {
    Instant t = last.createdAt();
    return t.getEpochSecond() + "." + t.getNano() + ":" + last.runId();
  }

  /** Where a page starts: after the run created at {@code createdAt} with {@code runId}. */
  private record Cursor(Instant createdAt, String runId) {
    static Cursor parse(String text) {
      int colon = text.indexOf(':');
      int dot = text.indexOf('.');
      try {
        if (colon < 0 || dot < 0 || dot > colon) {
          throw new NumberFormatException();
        }
        long seconds = Long.parseLong(text.substring(0, dot));
        int nanos = Integer.parseInt(text.substring(dot + 1, colon));
        return new Cursor(Instant.ofEpochSecond(seconds, nanos), text.substring(colon + 1));
      } catch (NumberFormatException | DateTimeException e) {
        throw new ValidationException(
            "run query",
            List.of(
                new Violation(
                    "$.after",
                    "\""
                        + text
                        + "\" is not a cursor a page of runs gave (RunPage.next()); pass it as"
                        + " it was")));
      }
    }
  }
}
