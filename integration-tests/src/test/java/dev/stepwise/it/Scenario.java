package dev.stepwise.it;

import dev.stepwise.runtime.Stepwise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** What a scenario interface may ask of the database-specific suite that runs it. */
public interface Scenario {
  /** A generous bound for anything the engine should do "soon" on a busy machine. */
  Duration WAIT = Duration.ofSeconds(60);

  /** An engine on this test's schema, not started; closed after the test. */
  Stepwise engine(Consumer<Stepwise.Builder> settings);

  /** An engine with the suite's default settings. */
  default Stepwise engine() {
    return engine(b -> {});
  }

  /** This test's schema. */
  String schema();

  /** The database under test. */
  DataSource database();

  /**
   * Arguments telling a child JVM ({@link TxKillChild}) which database to use ({@code dir} for H2's
   * file).
   */
  List<String> childDatabase(Path dir);

  /** A builder on the database the child used. */
  Stepwise.Builder afterKill(Path dir);

  /** The schema the child's ledger table lives in (null: the connection's default). */
  String childSchema();
}
