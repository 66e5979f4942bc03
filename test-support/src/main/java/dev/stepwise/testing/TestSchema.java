package dev.stepwise.testing;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * One test's place in the database under test: a schema with a random name that no other test uses,
 * on the class's database. Nothing creates the schema (the engine's migration does); {@link
 * StepwiseDatabaseExtension} drops it after the test, after the test's own {@code @AfterEach}
 * methods have closed what uses it.
 */
public final class TestSchema {
  private final DatabaseKind kind;
  private final DataSource dataSource;
  private final String name;

  TestSchema(DatabaseKind kind, DataSource dataSource, String name) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.name = name;
  }

  public DatabaseKind kind() {
    return kind;
  }

  /** The class's database, shared by every engine of the test. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** This test's schema, like {@code sw_3f2a9c1b7d04}. */
  public String name() {
    return name;
  }

  /**
   * The arguments that tell a child JVM of the test which database to use: {@code h2 <h2Dir>} or
   * {@code pg <url> <user> <schema>}. H2 locks its file while a process has it open, so a child
   * gets a file database of its own at {@code h2Dir}, which this JVM opens once the child is gone;
   * on PostgreSQL the child shares this test's schema.
   */
  public List<String> childArguments(Path h2Dir) {
    return switch (kind) {
      case H2 -> List.of("h2", h2Dir.toString());
      case POSTGRES -> List.of("pg", TestDatabase.PG_URL, TestDatabase.PG_USER, name);
    };
  }

  @Override
  public String toString() {
    return kind + " schema " + name;
  }
}
