package dev.stepwise.runtime.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.StepError;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StepErrorsTest {
  @Test
  void aHugeMessageIsStoredCutWithHowMuchWasLeftOut() {
    String body = "x".repeat(1_000_000);

    StepError e = StepErrors.of(new IOException(body));

    assertThat(e.type()).isEqualTo(IOException.class.getName());
    assertThat(e.message())
        .startsWith("x".repeat(StepErrors.MAX_MESSAGE_CHARS))
        .endsWith(" ... (" + (1_000_000 - StepErrors.MAX_MESSAGE_CHARS) + " more characters)");
    assertThat(e.stackTrace().length())
        .isLessThan(StepErrors.MAX_TRACE_CHARS + 100)
        .isGreaterThan(StepErrors.MAX_TRACE_CHARS);
  }

  @Test
  void aShortMessageAndItsTraceAreStoredAsTheyAre() {
    StepError e = StepErrors.of(new IllegalStateException("out of stock"));

    assertThat(e.message()).isEqualTo("out of stock");
    assertThat(e.stackTrace()).startsWith("java.lang.IllegalStateException: out of stock");
    assertThat(StepErrors.of(new IllegalStateException()).message()).isNull();
  }

  @Test
  void loneSurrogatesBecomeReplacementCharactersAndPairsStay() {
    String emoji = "\uD83D\uDE00";

    assertThat(StepErrors.bounded("a\uD800b" + emoji + "\uDC00", 100))
        .isEqualTo("a\uFFFDb" + emoji + "\uFFFD");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";

    assertThat(StepErrors.bounded("ab" + emoji + "cd", 3)).isEqualTo("ab ... (4 more characters)");
  }
}
