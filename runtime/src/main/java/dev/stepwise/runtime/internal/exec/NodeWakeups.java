package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.commit.Wakeups;
import java.time.Instant;

/** The {@link Wakeups} of this node: its dispatcher for queued steps and retries, its timers. */
public final class NodeWakeups implements Wakeups {
  private final DispatchSignal dispatch;
  private final TimerQueue timers;

  public NodeWakeups(DispatchSignal dispatch, TimerQueue timers) {
    this.dispatch = dispatch;
    this.timers = timers;
  }

  @Override
  public void workQueued() {
    dispatch.workQueued();
  }

  @Override
  public void retryAt(Instant due) {
    dispatch.wakeAt(due);
  }

  @Override
  public void timerAt(Instant due) {
    timers.wakeAt(due);
  }
}
