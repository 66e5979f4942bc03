package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ScheduleModel;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Parses a workflow's {@code @Schedule}s, written directly or inside {@code @Schedules}: a cron
 * expression the runtime can read, a known zone, a valid catch-up and tolerance, distinct names.
 */
final class ScheduleParser {
  private final Diagnostics diag;
  private final Mirrors mirrors;

  ScheduleParser(Diagnostics diag, Mirrors mirrors) {
    this.diag = diag;
    this.mirrors = mirrors;
  }

  /** The valid schedules in declaration order; each invalid one is reported and left out. */
  List<ScheduleModel> parse(TypeElement type, String workflowName) {
    List<ScheduleModel> schedules = new ArrayList<>();
    for (AnnotationMirror mirror : mirrorsOn(type)) {
      parseOne(type, mirror, workflowName).ifPresent(schedules::add);
    }
    checkDistinctNames(type, schedules);
    return schedules;
  }

  /** One {@code @Schedule} is itself on the class; two or more sit in a {@code @Schedules}. */
  private List<AnnotationMirror> mirrorsOn(TypeElement type) {
    List<AnnotationMirror> found = new ArrayList<>();
    Mirrors.find(type, Names.SCHEDULE).ifPresent(found::add);
    Mirrors.find(type, Names.SCHEDULES)
        .ifPresent(
            container -> {
              for (AnnotationValue v : mirrors.list(container, "value")) {
                if (v.getValue() instanceof AnnotationMirror schedule) {
                  found.add(schedule);
                }
              }
            });
    return found;
  }

  private Optional<ScheduleModel> parseOne(
      TypeElement type, AnnotationMirror schedule, String workflowName) {
    int before = diag.errorCount();
    String written = mirrors.string(schedule, "name");
    String cron = mirrors.string(schedule, "cron");
    checkCron(type, schedule, cron);
    String zone = mirrors.string(schedule, "zone");
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      diag.error(type, schedule, spot(schedule, "zone"), Messages.SCHEDULE_ZONE, zone);
    }
    Object onMissed = mirrors.value(schedule, "onMissed").getValue();
    boolean catchUp =
        onMissed instanceof VariableElement constant
            && constant.getSimpleName().contentEquals("CATCH_UP");
    Object raw = mirrors.value(schedule, "catchUp").getValue();
    int limit = raw instanceof Integer i ? i : 0;
    if (limit < 0) {
      diag.error(
          type, schedule, spot(schedule, "catchUp"), Messages.SCHEDULE_CATCH_UP_NEGATIVE, limit);
    }
    long tolerance = tolerance(type, schedule);
    if (diag.errorCount() != before) {
      return Optional.empty();
    }
    boolean named = !written.isEmpty();
    return Optional.of(
        new ScheduleModel(
            schedule,
            named ? written : workflowName,
            named,
            cron,
            zone,
            catchUp,
            limit,
            tolerance));
  }

  private void checkCron(TypeElement type, AnnotationMirror schedule, String cron) {
    int fields = CronExpressions.fields(cron);
    if (fields != 5 && fields != 6) {
      diag.error(
          type, schedule, spot(schedule, "cron"), Messages.SCHEDULE_CRON_FIELDS, cron, fields);
      return;
    }
    CronExpressions.problem(cron, fields)
        .ifPresent(
            problem ->
                diag.error(
                    type,
                    schedule,
                    spot(schedule, "cron"),
                    Messages.SCHEDULE_CRON_INVALID,
                    cron,
                    fields,
                    problem));
  }

  /** Positive: with no lateness allowed at all, every tick would count as missed. */
  private long tolerance(TypeElement type, AnnotationMirror schedule) {
    String text = mirrors.string(schedule, "tolerance");
    OptionalLong millis = Durations.parseMillis(text);
    if (millis.isEmpty() || millis.getAsLong() == 0 || millis.getAsLong() > Durations.MAX_MILLIS) {
      diag.error(
          type,
          schedule,
          spot(schedule, "tolerance"),
          Messages.SCHEDULE_TOLERANCE,
          text,
          Durations.MAX_TEXT);
      return 0;
    }
    return millis.getAsLong();
  }

  /** The name makes the run ids ("name@tick"), so two schedules of one name would collide. */
  private void checkDistinctNames(TypeElement type, List<ScheduleModel> schedules) {
    Map<String, ScheduleModel> seen = new HashMap<>();
    for (ScheduleModel schedule : schedules) {
      ScheduleModel first = seen.putIfAbsent(schedule.name(), schedule);
      if (first == null) {
        continue;
      }
      String hint =
          schedule.named() && first.named()
              ? ""
              : " (a @Schedule without a name takes the workflow's name)";
      diag.error(
          type,
          schedule.mirror(),
          spot(schedule.mirror(), "name"),
          Messages.SCHEDULE_NAME_DUPLICATE,
          schedule.name(),
          type.getSimpleName(),
          hint);
    }
  }

  private static AnnotationValue spot(AnnotationMirror mirror, String attribute) {
    return Mirrors.explicitValue(mirror, attribute);
  }
}
