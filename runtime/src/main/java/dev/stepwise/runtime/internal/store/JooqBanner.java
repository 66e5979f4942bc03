package dev.stepwise.runtime.internal.store;

/**
 * Keeps jOOQ quiet: without this, the first statement jOOQ renders logs its ASCII-art logo and a
 * "tip of the day" at INFO, in every application that embeds the engine. jOOQ reads the two system
 * properties once, when its rendering classes load, so they are set before the engine makes its
 * first {@code DSLContext}. A value the application set itself (say {@code
 * -Dorg.jooq.no-logo=false}) is left as it is.
 */
final class JooqBanner {
  static final String NO_LOGO = "org.jooq.no-logo";
  static final String NO_TIPS = "org.jooq.no-tips";

  private JooqBanner() {}

  static void silence() {
    if (System.getProperty(NO_LOGO) == null) {
      System.setProperty(NO_LOGO, "true");
    }
    if (System.getProperty(NO_TIPS) == null) {
      System.setProperty(NO_TIPS, "true");
    }
  }
}
