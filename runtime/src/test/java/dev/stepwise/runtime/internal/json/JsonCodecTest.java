package dev.stepwise.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.spi.validation.Violations;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the codec does with text that is not valid Unicode: refuse it, or escape it. */
class JsonCodecTest {
  private final JsonCodec codec = new JsonCodec();

  record Note(String text, List<String> tags, Map<String, String> labels) {}

  @Test
  void writeRefusesALoneSurrogate_namingEveryPlaceItIs() {
    Note note = new Note("a\ud800", List.of("ok", "\udc00"), Map.of("k\udbff", "v"));
    assertThatThrownBy(() -> codec.write(note))
        .isInstanceOfSatisfying(
            InvalidTextException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("$.text", problem(1)),
                        new Violation("$.tags[1]", problem(0)),
                        new Violation("$.labels['k\\udbff']", "the key " + problem(1))));
  }

  @Test
  void writeKeepsSurrogatePairs() {
    assertThat(codec.write(new Note("\ud83d\ude00", List.of(), Map.of())))
        .isEqualTo("{\"text\":\"\ud83d\ude00\",\"tags\":[],\"labels\":{}}");
  }

  @Test
  void writeOutputEscapesALoneSurrogate_andReadingItBackGivesTheSameString() {
    Note note = new Note("x\ud800y \ud83d\ude00 \udc00", List.of("\udfff"), Map.of("\ud800", ""));
    String json = codec.writeOutput(note);
    assertThat(json)
        .isEqualTo(
            "{\"text\":\"x\\ud800y \ud83d\ude00 \\udc00\",\"tags\":[\"\\udfff\"],"
                + "\"labels\":{\"\\ud800\":\"\"}}");
    assertThat(Unicode.loneSurrogate(json)).isEqualTo(-1);
    assertThat(codec.read(json, Note.class)).isEqualTo(note);
  }

  @Test
  void aPathEscapesHalfAPairInAKey_andKeepsAWholeOne() {
    StringBuilder path = new StringBuilder("$");
    Violations.appendKey(path, "a'\\\ud800\ud83d\ude00");
    assertThat(path).hasToString("$['a\\'\\\\\\ud800\ud83d\ude00']");
  }

  record Meeting(OffsetDateTime at, ZonedDateTime zoned) {}

  @Test
  void anOffsetDateTimeReadsBackWithItsOffset_notMovedToUtc() {
    Meeting meeting =
        new Meeting(
            OffsetDateTime.parse("2024-05-31T09:30:00+02:00"),
            ZonedDateTime.parse("2024-05-31T09:30:00-04:00"));
    String json = codec.write(meeting);
    assertThat(json)
        .isEqualTo(
            "{\"at\":\"2024-05-31T09:30:00+02:00\",\"zoned\":\"2024-05-31T09:30:00-04:00\"}");
    Meeting read = codec.read(json, Meeting.class);
    assertThat(read).isEqualTo(meeting);
    assertThat(read.at().getHour()).isEqualTo(9);
  }

  private static String problem(int index) {
    return "contains a lone UTF-16 surrogate at index " + index + "; text must be valid Unicode";
  }
}
