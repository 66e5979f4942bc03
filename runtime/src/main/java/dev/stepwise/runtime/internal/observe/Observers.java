package dev.stepwise.runtime.internal.observe;

import dev.stepwise.runtime.spi.observe.RunFinish;
import dev.stepwise.runtime.spi.observe.RunStartObservation;
import dev.stepwise.runtime.spi.observe.StepAttempt;
import dev.stepwise.runtime.spi.observe.StepObservation;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers registered with an engine, seen as one: each call goes to every observer in order,
 * and what one throws is logged, never passed to the engine. The engine asks {@link #isEmpty()}
 * before it builds an event, so an engine without observers pays for none.
 */
public final class Observers implements StepwiseObserver {
  private static final Logger log = LoggerFactory.getLogger(Observers.class);
  private static final Observers NONE = new Observers(List.of());

  private final List<StepwiseObserver> all;

  private Observers(List<StepwiseObserver> all) {
    this.all = all;
  }

  /** No observer: every call is a no-op. */
  public static Observers none() {
    return NONE;
  }

  public static Observers of(List<StepwiseObserver> observers) {
    return observers.isEmpty() ? NONE : new Observers(List.copyOf(observers));
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  @Override
  public RunStartObservation runStarting(String workflow) {
    if (all.isEmpty()) {
      return RunStartObservation.NONE;
    }
    List<RunStartObservation> each = new ArrayList<>(all.size());
    for (StepwiseObserver o : all) {
      try {
        each.add(o.runStarting(workflow));
      } catch (RuntimeException e) {
        log.warn("Observer {} threw on the start of a run of {}", o, workflow, e);
      }
    }
    return each.size() == 1 ? guarded(each.get(0)) : new AllStarts(each);
  }

  @Override
  public StepObservation stepStarting(StepAttempt attempt) {
    if (all.isEmpty()) {
      return StepObservation.NONE;
    }
    if (all.size() == 1) {
      return guarded(all.get(0), attempt);
    }
    List<StepObservation> each = new ArrayList<>(all.size());
    for (StepwiseObserver o : all) {
      each.add(guarded(o, attempt));
    }
    return end -> each.forEach(s -> s.finished(end));
  }

  @Override
  public void runFinished(RunFinish finish) {
    for (StepwiseObserver o : all) {
      try {
        o.runFinished(finish);
      } catch (RuntimeException e) {
        log.warn("Observer {} threw on {}", o, finish, e);
      }
    }
  }

  @Override
  public void stepsClaimed(String queue, int claimed, Duration latency) {
    for (StepwiseObserver o : all) {
      try {
        o.stepsClaimed(queue, claimed, latency);
      } catch (RuntimeException e) {
        log.warn("Observer {} threw on a claim", o, e);
      }
    }
  }

  @Override
  public void stepWaited(String workflow, String step, String queue, Duration waited) {
    for (StepwiseObserver o : all) {
      try {
        o.stepWaited(workflow, step, queue, waited);
      } catch (RuntimeException e) {
        log.warn("Observer {} threw on a step's wait", o, e);
      }
    }
  }

  @Override
  public void leasesExpired(int steps) {
    for (StepwiseObserver o : all) {
      try {
        o.leasesExpired(steps);
      } catch (RuntimeException e) {
        log.warn("Observer {} threw on expired leases", o, e);
      }
    }
  }

  private static StepObservation guarded(StepwiseObserver o, StepAttempt attempt) {
    StepObservation s;
    try {
      s = o.stepStarting(attempt);
    } catch (RuntimeException e) {
      log.warn("Observer {} threw on the start of {}", o, attempt, e);
      return StepObservation.NONE;
    }
    return end -> {
      try {
        s.finished(end);
      } catch (RuntimeException e) {
        log.warn("Observer {} threw on the end of {}", o, attempt, e);
      }
    };
  }

  private static RunStartObservation guarded(RunStartObservation one) {
    return new AllStarts(List.of(one));
  }

  /** The start handles of every observer, as one; none of their exceptions escapes. */
  private static final class AllStarts implements RunStartObservation {
    private final List<RunStartObservation> each;

    AllStarts(List<RunStartObservation> each) {
      this.each = each;
    }

    @Override
    public Map<String, String> context() {
      Map<String, String> merged = new LinkedHashMap<>();
      for (RunStartObservation s : each) {
        try {
          merged.putAll(s.context());
        } catch (RuntimeException e) {
          log.warn("An observer threw giving a run's context", e);
        }
      }
      return merged;
    }

    @Override
    public void started(String runId, boolean created) {
      for (RunStartObservation s : each) {
        try {
          s.started(runId, created);
        } catch (RuntimeException e) {
          log.warn("An observer threw on the start of run {}", runId, e);
        }
      }
    }

    @Override
    public void failed(Throwable error) {
      for (RunStartObservation s : each) {
        try {
          s.failed(error);
        } catch (RuntimeException e) {
          log.warn("An observer threw on a failed start", e);
        }
      }
    }
  }
}
