package dev.stepwise.runtime.internal.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The ticks of one cron expression read in one time zone. Five fields are Unix cron (minute first),
 * six are Spring's (seconds first); cron-utils computes the ticks, daylight-saving gaps and
 * overlaps included.
 */
final class CronTicks {
  // Parsers are immutable and thread-safe; building one parses the whole definition.
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser WITH_SECONDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

  private final ExecutionTime times;
  private final ZoneId zone;

  private CronTicks(ExecutionTime times, ZoneId zone) {
    this.times = times;
    this.zone = zone;
  }

  /**
   * Parses {@code cron} in {@code zone}; an {@link IllegalArgumentException} that says what is
   * wrong with either (the caller adds which schedule it is).
   */
  static CronTicks parse(String cron, String zone) {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "the zone \"" + zone + "\" is not a java.time.ZoneId (such as UTC or Europe/Paris)", e);
    }
    String trimmed = cron.trim();
    int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    CronParser parser;
    if (fields == 5) {
      parser = UNIX;
    } else if (fields == 6) {
      parser = WITH_SECONDS;
    } else {
      throw new IllegalArgumentException(
          "the cron expression \""
              + cron
              + "\" has "
              + fields
              + " fields; it needs five (minute hour day-of-month month day-of-week) or six"
              + " (seconds first)");
    }
    try {
      return new CronTicks(ExecutionTime.forCron(parser.parse(trimmed).validate()), zoneId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the cron expression \"" + cron + "\" is invalid: " + e.getMessage(), e);
    }
  }

  /** The first tick strictly after {@code t}; empty if the expression never fires again. */
  Optional<Instant> nextAfter(Instant t) {
    // cron-utils keeps the fraction of a second it is given (12:00:00.05 -> 12:00:01.05); ticks are
    // whole seconds, and the first one after the whole second below t is the first after t.
    Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
    return times.nextExecution(zoned(whole)).map(ZonedDateTime::toInstant);
  }

  /** The last tick strictly before {@code t}; empty if there is none. */
  Optional<Instant> previousBefore(Instant t) {
    Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
    // With a fraction, the whole second below t may be a tick itself, so look before the next one.
    Instant before = whole.equals(t) ? t : whole.plusSeconds(1);
    return times.lastExecution(zoned(before)).map(ZonedDateTime::toInstant);
  }

  private ZonedDateTime zoned(Instant t) {
    return ZonedDateTime.ofInstant(t, zone);
  }
}
