package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_QUEUES;
import static dev.stepwise.runtime.internal.db.Tables.SW_QUEUE_STARTS;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;
import static dev.stepwise.runtime.internal.store.TaskQueue.leased;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
import dev.stepwise.runtime.spi.QueueSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Row2;
import org.jooq.impl.DSL;

/**
 * The claim of a queue's steps: in one transaction that holds the queue's row lock, so that no two
 * nodes count the same free slot, it counts the queue's RUNNING steps (over all nodes, on this
 * node, per concurrency key) and its starts in the rate window, then leases as many of its due
 * PENDING steps as every limit allows, highest run priority first, then oldest. A node that died
 * keeps its steps counted until their leases expire and the sweeper re-queues them, so a limit
 * holds through a crash too.
 */
public final class QueueClaim {
  /** Candidates read per claim when a per-key limit may pass some of them over. */
  private static final int KEYED_SCAN = 1000;

  /**
   * How long a claim waits for the queue's lock. A claim holds it for milliseconds; a wait this
   * long means a node stalled inside its claim, and the dispatcher, which also claims every other
   * queue and the plain steps, must not stall with it.
   */
  static final Duration LOCK_WAIT = Duration.ofMillis(500);

  private final DSLContext dsl;
  private final LockWaits lockWaits;

  public QueueClaim(DSLContext dsl, LockWaits lockWaits) {
    this.dsl = dsl;
    this.lockWaits = lockWaits;
  }

  /**
   * What a claim took, and why it stopped.
   *
   * @param claimed the rows leased to this node
   * @param full true if the global limit leaves no slot once this claim's steps run: only a step of
   *     the queue finishing frees one
   * @param rateFreesAt when the rate window lets the next step start, if the rate limit stopped the
   *     claim; else null
   * @param leasedAt the time the leases were counted from: read once the queue's lock was held
   * @param busy true if another node held the queue's lock for longer than {@link #LOCK_WAIT}
   */
  public record Result(
      List<Claimed> claimed, boolean full, Instant rateFreesAt, Instant leasedAt, boolean busy) {
    Result(List<Claimed> claimed, boolean full, Instant rateFreesAt, Instant leasedAt) {
      this(claimed, full, rateFreesAt, leasedAt, false);
    }
  }

  /** Makes sure the queue's lock row exists; at registration. */
  public void ensure(String name) {
    dsl.insertInto(SW_QUEUES).set(SW_QUEUES.NAME, name).onConflictDoNothing().execute();
  }

  /**
   * Claims up to {@code room} due steps of {@code queue} of the given workflows for {@code owner}.
   * The time is read from {@code clock} only once the queue's lock is held: a claim that waited for
   * the lock (behind a node that stalled inside its own claim) would otherwise hand out leases that
   * had already expired, which the sweeper takes back while the steps run, and the queue's count of
   * running steps would drop below what really runs.
   */
  public Result claim(
      QueueSpec queue,
      String owner,
      Clock clock,
      Duration lease,
      int room,
      Collection<String> workflows) {
    try {
      return dsl.transactionResult(
          cfg -> claim(cfg.dsl(), queue, owner, clock, lease, room, workflows));
    } catch (RuntimeException e) {
      if (DatabaseFailures.isLockTimeout(e)) {
        return new Result(List.of(), false, null, clock.instant(), true);
      }
      throw e;
    }
  }

  private Result claim(
      DSLContext tx,
      QueueSpec queue,
      String owner,
      Clock clock,
      Duration lease,
      int room,
      Collection<String> workflows) {
    lockWaits.bound(tx, LOCK_WAIT);
    lock(tx, queue.name());
    Instant now = clock.instant();
    Running running = running(tx, queue.name(), owner);
    int free = room;
    if (queue.concurrency() > 0) {
      free = Math.min(free, queue.concurrency() - running.total());
    }
    if (queue.perNode() > 0) {
      free = Math.min(free, queue.perNode() - running.onThisNode());
    }
    if (free <= 0) {
      return new Result(List.of(), isFull(queue, running.total()), null, now);
    }
    Instant rateFreesAt = null;
    if (queue.limitsRate()) {
      List<Instant> window = startsInWindow(tx, queue, now);
      int left = queue.rate() - window.size();
      if (left <= free) {
        // Stopped by the rate, not by a slot: the oldest start leaving the window lets one more in.
        rateFreesAt = window.isEmpty() ? null : window.get(0).plus(queue.ratePeriod());
      }
      free = Math.min(free, left);
      if (free <= 0) {
        return new Result(List.of(), false, rateFreesAt, now);
      }
    }
    List<Row2<String, String>> picked = pick(tx, queue, now, free, workflows, running.byKey());
    if (picked.isEmpty()) {
      return new Result(List.of(), false, null, now);
    }
    int leasedRows =
        leased(tx.update(SW_STEPS), owner, now, lease)
            .where(
                DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
                    .in(picked)
                    .and(SW_STEPS.STATUS.eq(DSL.inline(Status.PENDING.name()))))
            .execute();
    if (leasedRows == 0) {
      return new Result(List.of(), false, null, now);
    }
    List<Claimed> claimed = readClaimed(tx, picked, owner);
    if (queue.limitsRate()) {
      var insert =
          tx.insertInto(SW_QUEUE_STARTS, SW_QUEUE_STARTS.QUEUE, SW_QUEUE_STARTS.STARTED_AT);
      for (int i = 0; i < claimed.size(); i++) {
        insert = insert.values(queue.name(), odt(now));
      }
      insert.execute();
      if (window(tx, queue, now) >= queue.rate() && rateFreesAt == null) {
        rateFreesAt = now.plus(queue.ratePeriod());
      }
    }
    return new Result(claimed, isFull(queue, running.total() + claimed.size()), rateFreesAt, now);
  }

  /**
   * Whether {@code running} steps leave no slot of the queue on any node: only its global limit
   * says so (a node at its per-node limit leaves slots for the others).
   */
  private static boolean isFull(QueueSpec queue, int running) {
    return queue.concurrency() > 0 && running >= queue.concurrency();
  }

  /**
   * Locks the row of {@code name} in {@code sw_queues} for the rest of {@code tx}, creating it
   * first if it is missing; shared by the queues' claims and the run limits' admissions.
   */
  static void lock(DSLContext tx, String name) {
    if (tx.select(SW_QUEUES.NAME)
        .from(SW_QUEUES)
        .where(SW_QUEUES.NAME.eq(name))
        .forUpdate()
        .fetchOptional()
        .isEmpty()) {
      // Registered on another node only, or removed meanwhile: create it, then lock it.
      tx.insertInto(SW_QUEUES).set(SW_QUEUES.NAME, name).onConflictDoNothing().execute();
      tx.select(SW_QUEUES.NAME).from(SW_QUEUES).where(SW_QUEUES.NAME.eq(name)).forUpdate().fetch();
    }
  }

  /** The queue's steps running now, over all nodes. */
  private record Running(int total, int onThisNode, Map<String, Integer> byKey) {}

  private static Running running(DSLContext tx, String queue, String owner) {
    int total = 0;
    int mine = 0;
    Map<String, Integer> byKey = new HashMap<>();
    for (var r :
        tx.select(SW_STEPS.LEASE_OWNER, SW_RUNS.CONCURRENCY_KEY)
            .from(SW_STEPS)
            .join(SW_RUNS)
            .on(SW_RUNS.ID.eq(SW_STEPS.RUN_ID))
            .where(
                SW_STEPS
                    .QUEUE
                    .eq(queue)
                    .and(SW_STEPS.QUEUE.isNotNull())
                    .and(SW_STEPS.STATUS.eq(DSL.inline(Status.RUNNING.name()))))
            .fetch()) {
      total++;
      if (owner.equals(r.value1())) {
        mine++;
      }
      if (r.value2() != null) {
        byKey.merge(r.value2(), 1, Integer::sum);
      }
    }
    return new Running(total, mine, byKey);
  }

  /** The starts inside the rate window, oldest first; older ones are deleted. */
  private static List<Instant> startsInWindow(DSLContext tx, QueueSpec queue, Instant now) {
    OffsetDateTime windowStart = odt(now.minus(queue.ratePeriod()));
    tx.deleteFrom(SW_QUEUE_STARTS)
        .where(
            SW_QUEUE_STARTS.QUEUE.eq(queue.name()).and(SW_QUEUE_STARTS.STARTED_AT.le(windowStart)))
        .execute();
    return tx.select(SW_QUEUE_STARTS.STARTED_AT)
        .from(SW_QUEUE_STARTS)
        .where(SW_QUEUE_STARTS.QUEUE.eq(queue.name()))
        .orderBy(SW_QUEUE_STARTS.STARTED_AT)
        .fetch(r -> r.value1().toInstant());
  }

  private static int window(DSLContext tx, QueueSpec queue, Instant now) {
    return tx.fetchCount(
        SW_QUEUE_STARTS,
        SW_QUEUE_STARTS
            .QUEUE
            .eq(queue.name())
            .and(SW_QUEUE_STARTS.STARTED_AT.gt(odt(now.minus(queue.ratePeriod())))));
  }

  /**
   * The due steps to lease, in priority order, passing over those whose key is at its limit. Not
   * locked here: the queue's row lock keeps other claims out, and the update only leases rows that
   * are still PENDING when it runs (a cancel may have come first).
   */
  private static List<Row2<String, String>> pick(
      DSLContext tx,
      QueueSpec queue,
      Instant now,
      int free,
      Collection<String> workflows,
      Map<String, Integer> runningByKey) {
    boolean keyed = queue.perKey() > 0;
    List<Record3<String, String, String>> candidates =
        tx.select(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID, SW_RUNS.CONCURRENCY_KEY)
            .from(SW_STEPS)
            .join(SW_RUNS)
            .on(SW_RUNS.ID.eq(SW_STEPS.RUN_ID))
            .where(
                SW_STEPS
                    .STATUS
                    .eq(DSL.inline(Status.PENDING.name()))
                    .and(SW_STEPS.QUEUE.isNotNull())
                    .and(SW_STEPS.QUEUE.eq(queue.name()))
                    .and(SW_STEPS.NOT_BEFORE.le(odt(now)))
                    .and(SW_STEPS.WORKFLOW.in(workflows)))
            .orderBy(
                SW_RUNS.PRIORITY.desc(), SW_STEPS.NOT_BEFORE, SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
            .limit(keyed ? Math.max(KEYED_SCAN, free) : free)
            .fetch();
    Map<String, Integer> byKey = new HashMap<>(runningByKey);
    List<Row2<String, String>> picked = new ArrayList<>();
    for (var c : candidates) {
      String key = c.value3();
      if (keyed && key != null && byKey.getOrDefault(key, 0) >= queue.perKey()) {
        continue;
      }
      if (key != null) {
        byKey.merge(key, 1, Integer::sum);
      }
      picked.add(DSL.row(c.value1(), c.value2()));
      if (picked.size() == free) {
        break;
      }
    }
    return picked;
  }

  /**
   * The rows this transaction just leased, joined with their runs: those of the picked rows now
   * RUNNING under this node. No other path leases a queued row, and the picked ones were PENDING.
   */
  private static List<Claimed> readClaimed(
      DSLContext tx, List<Row2<String, String>> picked, String owner) {
    return tx.select(
            SW_STEPS.RUN_ID,
            SW_STEPS.STEP_ID,
            SW_STEPS.WORKFLOW,
            SW_STEPS.ATTEMPTS,
            SW_STEPS.VERSION,
            SW_STEPS.RESUME_PAYLOAD,
            SW_STEPS.ITEM,
            SW_RUNS.GRAPH_VERSION,
            SW_RUNS.STATUS,
            SW_RUNS.INPUT,
            SW_STEPS.NOT_BEFORE)
        .from(SW_STEPS)
        .join(SW_RUNS)
        .on(SW_RUNS.ID.eq(SW_STEPS.RUN_ID))
        .where(
            DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
                .in(picked)
                .and(SW_STEPS.LEASE_OWNER.eq(owner))
                .and(SW_STEPS.STATUS.eq(DSL.inline(Status.RUNNING.name()))))
        .fetch(Claimed::of);
  }
}
