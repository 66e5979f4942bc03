package dev.stepwise.runtime.internal.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.stepwise.runtime.Stepwise;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The JVM {@link JooqBannerTest} starts: an engine's whole life, its first jOOQ statements
 * included, with jOOQ's own logger at INFO (the level its logo and tips are logged at).
 */
public final class JooqBannerChild {
  private JooqBannerChild() {}

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger("org.jooq")).setLevel(Level.INFO);
    Path dir = Files.createTempDirectory("stepwise-banner");
    try (Stepwise engine = Stepwise.embedded(dir)) {
      engine.start();
      engine.schedules().list(); // a query rendered by jOOQ, at the latest
    }
    System.out.println("engine closed");
  }
}
