package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.store.QueueClaim;
import dev.stepwise.runtime.internal.store.RunGate;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
import dev.stepwise.runtime.internal.store.dialect.Notifier;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's flow-control part: admits queued runs of workflows with {@code maxParallelism}
 * and claims the steps of queues, each only when its {@link QueueDemand} says it may have work; and
 * the other half, telling this node and the others (PostgreSQL NOTIFY) when a slot frees.
 */
public final class QueueWork {
  private static final Logger log = LoggerFactory.getLogger(QueueWork.class);
  // How soon a claim that found the queue's lock held too long tries again.
  private static final Duration BUSY_RETRY = Duration.ofMillis(200);

  /** What a NOTIFY about a queue carries before the queue's name; run ids have no '/'. */
  public static final String NOTICE = "queue/";

  private final Registry registry;
  private final TaskQueue tasks;
  private final QueueClaim claims;
  private final RunGate gate;
  private final DispatchSignal signal;
  private final Notifier notifier;
  private final EngineConfig config;
  private final Clock clock;
  private final Observers observers;
  // Queues whose slot freed here, not yet told to the other nodes: told only if this node's next
  // claim does not fill the slot itself, as every NOTIFY takes PostgreSQL's one lock for notifying
  // commits, which queues the engine's other notifying commits behind it.
  private final Set<String> untold = ConcurrentHashMap.newKeySet();

  public QueueWork(
      Registry registry,
      TaskQueue tasks,
      QueueClaim claims,
      RunGate gate,
      DispatchSignal signal,
      Notifier notifier,
      EngineConfig config,
      Clock clock,
      Observers observers) {
    this.observers = observers;
    this.registry = registry;
    this.tasks = tasks;
    this.claims = claims;
    this.gate = gate;
    this.signal = signal;
    this.notifier = notifier;
    this.config = config;
    this.clock = clock;
  }

  /** Whether any registered workflow uses a queue or a run limit. */
  public boolean inUse() {
    return !registry.queues().isEmpty() || !registry.runLimited().isEmpty();
  }

  /** Creates the lock rows of the definition's queues and run limit; at registration. */
  public void prepare(WorkflowDefinition definition) {
    for (QueueSpec queue : definition.queues()) {
      claims.ensure(queue.name());
    }
    if (definition.flowControl().limitsRuns()) {
      claims.ensure(RunGate.lockName(definition.graph().name()));
    }
  }

  /** Admits the queued runs that the freed slots of run-limited workflows let in. */
  void admit() {
    List<WorkflowDefinition> limited = registry.runLimited();
    if (limited.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    limited.forEach(d -> names.add(RunGate.lockName(d.graph().name())));
    Set<String> due = signal.queues().take(names, clock.instant());
    for (WorkflowDefinition d : limited) {
      String name = RunGate.lockName(d.graph().name());
      if (due.contains(name)) {
        gate.admit(d.graph().name(), d.flowControl(), clock.instant());
        tell(name); // other nodes may hold queued runs of it that this node does not see
      }
    }
  }

  /** Claims up to {@code room} steps of the queues that may have work. */
  List<Task> claim(int room, Set<String> workflows, BiPredicate<String, String> isRoot) {
    List<QueueSpec> queues = List.copyOf(registry.queues());
    if (queues.isEmpty()) {
      return List.of();
    }
    if (room == 0) {
      tellOthers(); // no room here: the freed slots are for the other nodes
      return List.of();
    }
    List<String> names = new ArrayList<>();
    queues.forEach(q -> names.add(q.name()));
    Set<String> due = signal.queues().take(names, clock.instant());
    List<Claimed> claimed = new ArrayList<>();
    for (QueueSpec queue : queues) {
      if (!due.contains(queue.name())) {
        continue;
      }
      int left = room - claimed.size();
      if (left == 0) {
        signal.queues().mark(queue.name()); // not claimed this time: next time
        tell(queue.name());
        continue;
      }
      long before = System.nanoTime();
      QueueClaim.Result r =
          claims.claim(queue, config.nodeId(), clock, config.lease(), left, workflows);
      if (!observers.isEmpty() && !r.busy()) {
        observers.stepsClaimed(
            queue.name(), r.claimed().size(), Duration.ofNanos(System.nanoTime() - before));
        ClaimWaits.report(observers, queue.name(), r.claimed(), r.leasedAt());
      }
      if (r.busy()) {
        // Another node has held the queue's lock for long: it stalled inside its claim. Try again
        // shortly rather than hold this node's dispatcher, and every other queue, behind it.
        signal.queueDueAt(queue.name(), clock.instant().plus(BUSY_RETRY));
        continue;
      }
      if (isStale(r)) {
        // This node stalled between leasing and now (a pause, a long GC): the leases may have
        // expired and the steps been handed to another node. Running them here could exceed the
        // queue's limit; left unrun, they count as running until the sweeper re-queues them.
        log.warn(
            "Claimed {} step(s) of queue {} but stalled for {} since; leaving them to expire",
            r.claimed().size(),
            queue.name(),
            Duration.between(r.leasedAt(), clock.instant()));
        signal.queues().mark(queue.name());
        continue;
      }
      claimed.addAll(r.claimed());
      if (r.full()) {
        untold.remove(queue.name()); // the slot is taken again: nobody else could use it
      } else {
        tell(queue.name());
      }
      if (r.claimed().size() == left) {
        signal.queues().mark(queue.name()); // it had more than this node's room
      }
      if (r.rateFreesAt() != null) {
        signal.queueDueAt(queue.name(), r.rateFreesAt());
      }
    }
    return tasks.tasks(claimed, isRoot);
  }

  /** Whether more than half the lease passed since the claim counted from its time. */
  private boolean isStale(QueueClaim.Result r) {
    return !r.claimed().isEmpty()
        && Duration.between(r.leasedAt(), clock.instant()).compareTo(config.lease().dividedBy(2))
            > 0;
  }

  /**
   * {@code task} finished an attempt, and its outcome is committed: if it held a slot of a queue,
   * or its run one of a run limit, the steps waiting for it are worth a claim, here and elsewhere.
   */
  void finished(Task task) {
    String queue = registry.queueOf(task.workflow(), task.stepId());
    if (queue != null) {
      freed(queue);
    }
    registry
        .find(task.workflow())
        .filter(d -> d.flowControl().limitsRuns())
        .ifPresent(d -> freed(RunGate.lockName(task.workflow())));
  }

  private void freed(String name) {
    untold.add(name); // first: the dispatcher the signal wakes must find it
    signal.slotFreed(name);
  }

  /** Tells the other nodes that a slot of {@code name} freed here, if it did since last told. */
  private void tell(String name) {
    if (untold.remove(name)) {
      notifier.announce(NOTICE + name);
    }
  }

  /** Tells the other nodes of every slot freed here that this node did not take again. */
  void tellOthers() {
    for (String name : List.copyOf(untold)) {
      tell(name);
    }
  }

  /** Another node freed a slot of {@code name} (its NOTIFY arrived). */
  public void freedElsewhere(String name) {
    signal.slotFreed(name);
  }
}
