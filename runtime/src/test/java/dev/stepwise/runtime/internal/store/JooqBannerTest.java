package dev.stepwise.runtime.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jOOQ's logo and tip of the day stay out of an application's log: each case runs an engine in a
 * fresh JVM ({@link JooqBannerChild}), since jOOQ decides once per JVM, when it first renders SQL.
 */
class JooqBannerTest {
  private static final String LOGO = "Thank you for using jOOQ";
  private static final String TIP = "tip of the day";

  @Test
  void anEngineLogsNeitherJooqsLogoNorItsTip() throws Exception {
    String out = runChild(List.of());

    assertThat(out).contains("engine closed").doesNotContain(LOGO).doesNotContainIgnoringCase(TIP);
  }

  @Test
  void anApplicationThatAsksForTheLogoStillGetsIt() throws Exception {
    // Also proves the check above can fail: the child's log does show jOOQ's INFO lines.
    String out = runChild(List.of("-Dorg.jooq.no-logo=false", "-Dorg.jooq.no-tips=false"));

    assertThat(out).contains("engine closed").contains(LOGO).containsIgnoringCase(TIP);
  }

  private static String runChild(List<String> properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(properties);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(JooqBannerChild.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = child.getInputStream().readAllBytes(); // until the child exits
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(output, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(out).isZero();
    return out;
  }
}
