package dev.stepwise.processor.parse;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/**
 * Checks cron expressions the way the runtime reads them, with the same library: five fields are
 * Unix cron (minute first), six are Spring's (seconds first); any other count is an error.
 */
final class CronExpressions {
  private CronExpressions() {}

  /** The number of whitespace-separated fields. */
  static int fields(String cron) {
    String trimmed = cron.trim();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  /**
   * Why the library rejects an expression of five or six fields, in its own words; empty if it is
   * valid.
   */
  static Optional<String> problem(String cron, int fields) {
    CronType type = fields == 5 ? CronType.UNIX : CronType.SPRING53;
    CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(type));
    try {
      parser.parse(cron.trim()).validate();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      return Optional.of(message == null || message.isBlank() ? e.toString() : message);
    }
  }
}
