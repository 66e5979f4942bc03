package dev.stepwise.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.Status;
import org.junit.jupiter.api.Test;

/** The events stream's position: what a reconnecting client was sent already. */
class StreamPositionTest {
  private static RunChange step(String id, Status status, int attempt) {
    return new RunChange("r", id, status, attempt, null);
  }

  private static RunChange run(Status status) {
    return new RunChange("r", null, status, 0, null);
  }

  @Test
  void roundTripsThroughItsId() {
    StreamPosition p = new StreamPosition();
    p.advance(run(Status.RUNNING));
    p.advance(step("a", Status.RUNNING, 1));
    p.advance(step("a", Status.SUSPENDED, 1));
    assertThat(p.id()).isEqualTo("run=RUNNING;step:a=1.SUSPENDED");
    assertThat(StreamPosition.parse(p.id()).id()).isEqualTo(p.id());
  }

  @Test
  void seesEarlierChangesOfAStep_andNotLaterOnes() {
    StreamPosition p = StreamPosition.parse("run=SUSPENDED;step:a=1.SUSPENDED");
    assertThat(p.hasSeen(step("a", Status.RUNNING, 1))).isTrue();
    assertThat(p.hasSeen(step("a", Status.SUSPENDED, 1))).isTrue();
    assertThat(p.hasSeen(step("a", Status.PENDING, 1))).isFalse();
    assertThat(p.hasSeen(step("a", Status.RUNNING, 2))).isFalse();
    assertThat(p.hasSeen(step("b", Status.RUNNING, 1))).isFalse();
    assertThat(p.hasSeen(run(Status.SUSPENDED))).isTrue();
    assertThat(p.hasSeen(run(Status.SUCCEEDED))).isFalse();
  }

  @Test
  void aTransientStateNeverSeenInTheReplay_missesNothing() {
    // The old watch saw a queued first attempt; the new one replays running and succeeded.
    StreamPosition p = StreamPosition.parse("step:a=0.QUEUED");
    assertThat(p.hasSeen(step("a", Status.RUNNING, 1))).isFalse();
    assertThat(p.hasSeen(step("a", Status.SUCCEEDED, 1))).isFalse();
  }

  @Test
  void aMissingOrGarbledIdIsTheStart() {
    assertThat(StreamPosition.parse(null).hasSeen(run(Status.RUNNING))).isFalse();
    assertThat(StreamPosition.parse("step:a=x.Y").hasSeen(step("a", Status.RUNNING, 1))).isFalse();
  }
}
