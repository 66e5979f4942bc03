package dev.stepwise.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database a test class runs on. Every test gets a {@link TestSchema} of its own, a random
 * schema dropped after the test, which a {@code @BeforeEach} or {@code @Test} method takes as a
 * parameter; so a contract written once runs on each database through a one-line subclass:
 *
 * <pre>{@code
 * @StepwiseDatabase(POSTGRES)
 * class PostgresStartTest extends StartContract {}
 * }</pre>
 *
 * <p>The database itself is opened once for the class (H2: a fresh file under {@code target/},
 * deleted afterwards; PostgreSQL: a pool on {@code stepwise.pgUrl}) and closed after it. When
 * PostgreSQL is unreachable each test is skipped, or fails if {@code stepwise.requirePostgres} is
 * true (the {@code ci} profile sets it), before any of the class's {@code @BeforeEach} methods run.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StepwiseDatabaseExtension.class)
public @interface StepwiseDatabase {
  DatabaseKind value();
}
