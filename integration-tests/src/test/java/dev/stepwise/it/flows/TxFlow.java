package dev.stepwise.it.flows;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Transactional steps writing to the application's own table, {@code ledger}: {@code prepare}
 * creates it, {@code book} inserts one row per execution (its attempt number in it) and may fail or
 * hang after the insert, {@code audit} counts the booking's rows. Exactly once means {@code audit}
 * finds one row, whatever happened to earlier attempts.
 */
@Workflow(name = "it-tx", result = "audit")
public class TxFlow {
  private final String schema;
  private final Path hangMarker;

  /**
   * @param schema the schema of the ledger table, or null for the connection's
   * @param hangMarker if set, attempt 1 of {@code book} creates this file after its insert and then
   *     hangs (the JVM is killed there)
   */
  public TxFlow(String schema, Path hangMarker) {
    this.schema = schema;
    this.hangMarker = hangMarker;
  }

  /** A booking; {@code failFirst} makes attempt 1 of {@code book} throw after its insert. */
  public record Booking(String id, boolean failFirst) {}

  private Table<?> ledger() {
    return schema == null ? table(name("ledger")) : table(name(schema, "ledger"));
  }

  @Step(transactional = true)
  String prepare(DSLContext tx) {
    tx.createTableIfNotExists(ledger())
        .column(field(name("booking"), String.class))
        .column(field(name("attempt"), Integer.class))
        .execute();
    return "ready";
  }

  @Step(transactional = true)
  @After("prepare")
  @Retry(attempts = 3, delay = "10ms", jitter = 0)
  int book(@Input Booking b, DSLContext tx, StepContext ctx) throws IOException {
    tx.insertInto(ledger(), field(name("booking")), field(name("attempt")))
        .values(b.id(), ctx.attempt())
        .execute();
    if (ctx.attempt() == 1 && b.failFirst()) {
      throw new IOException("failed after the insert on attempt 1");
    }
    if (ctx.attempt() == 1 && hangMarker != null) {
      Files.writeString(hangMarker, "inserted, uncommitted");
      while (true) {
        try {
          Thread.sleep(Long.MAX_VALUE); // the JVM is killed here, inside the transaction
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while hanging on purpose", e);
        }
      }
    }
    return ctx.attempt();
  }

  @Step(transactional = true)
  @After("book")
  String audit(@Input Booking b, @From("book") int attempt, DSLContext tx) {
    int rows = tx.fetchCount(ledger(), field(name("booking")).eq(b.id()));
    return rows + " row(s) for " + b.id() + ", booked on attempt " + attempt;
  }
}
