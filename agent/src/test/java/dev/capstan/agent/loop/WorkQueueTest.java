package dev.capstan.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private static final Duration TINY = Duration.ofMillis(1);

  @Test
  void aKeyAddedManyTimesWhileQueuedIsWorkedOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> worked = new CopyOnWriteArrayList<>();
    CountDownLatch bDone = new CountDownLatch(1);
    try (WorkQueue<String> q = new WorkQueue<>(1, key -> {
      if (key.equals("a")) {
        release.await();
      }
      worked.add(key);
      if (key.equals("b")) {
        bDone.countDown();
      }
      return PassControl.done();
    }, WorkQueue.exponential(TINY, TINY, 0))) {
      q.add("a");
      for (int i = 0; i < 5; i++) {
        q.add("b");
      }
      assertThat(q.depth()).isEqualTo(1);
      release.countDown();
      assertThat(bDone.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(worked).containsExactly("a", "b");
  }

  @Test
  void aKeyAddedWhileBeingWorkedIsWorkedAgainAfterwardsNeverAtTheSameTime() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    CountDownLatch twice = new CountDownLatch(2);
    try (WorkQueue<String> q = new WorkQueue<>(4, key -> {
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      inside.countDown();
      release.await();
      concurrent.decrementAndGet();
      twice.countDown();
      return PassControl.done();
    }, WorkQueue.exponential(TINY, TINY, 0))) {
      q.add("app");
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      q.add("app");
      q.add("app");
      release.countDown();
      assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(maxConcurrent).hasValue(1);
  }

  @Test
  void concurrencyIsBounded() throws Exception {
    Semaphore gate = new Semaphore(0);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch all = new CountDownLatch(6);
    try (WorkQueue<Integer> q = new WorkQueue<>(2, key -> {
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      started.countDown();
      gate.acquire();
      concurrent.decrementAndGet();
      all.countDown();
      return PassControl.done();
    }, WorkQueue.exponential(TINY, TINY, 0))) {
      for (int i = 0; i < 6; i++) {
        q.add(i);
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(q.depth()).isEqualTo(4);
      gate.release(6);
      assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(maxConcurrent).hasValue(2);
  }

  @Test
  void failuresAreRetriedWithBackOffAndForgottenAfterASuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch succeeded = new CountDownLatch(1);
    WorkQueue<String> q = new WorkQueue<>(1, key -> {
      if (calls.incrementAndGet() <= 2) {
        return PassControl.retryWithBackOff();
      }
      succeeded.countDown();
      return PassControl.done();
    }, WorkQueue.exponential(TINY, Duration.ofMillis(5), 5));
    try (q) {
      q.add("app");
      assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(calls).hasValue(3);
      // The latch opens inside the pass; the queue forgets the failures just after the pass returns.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (q.failures("app") != 0 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertThat(q.failures("app")).isZero();
    }
  }

  @Test
  void anExceptionOutOfAPassIsAFailureToo() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch succeeded = new CountDownLatch(1);
    try (WorkQueue<String> q = new WorkQueue<>(1, key -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("a bug in the pass");
      }
      succeeded.countDown();
      return PassControl.done();
    }, WorkQueue.exponential(TINY, TINY, 5))) {
      q.add("app");
      assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void aRequeueLooksAgainAfterTheDelayAndIsNotAFailure() throws Exception {
    List<Integer> failuresSeen = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch thirdLook = new CountDownLatch(1);
    AtomicReference<WorkQueue<String>> queue = new AtomicReference<>();
    try (WorkQueue<String> q = new WorkQueue<>(1, key -> {
      int call = calls.incrementAndGet();
      failuresSeen.add(queue.get().failures(key));
      return switch (call) {
        case 1 -> PassControl.retryWithBackOff();
        case 2 -> PassControl.requeueAfter(TINY);
        default -> {
          thirdLook.countDown();
          yield PassControl.done();
        }
      };
    }, WorkQueue.exponential(TINY, TINY, 5))) {
      queue.set(q);
      q.add("app");
      assertThat(thirdLook.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(failuresSeen).as("failures in a row when each pass started").containsExactly(0, 1, 0);
  }

  @Test
  void retriesStopAtTheLimit() throws Exception {
    ConcurrentHashMap<Integer, Boolean> retriesAsked = new ConcurrentHashMap<>();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch gaveUp = new CountDownLatch(1);
    var limitTwo = WorkQueue.<String>exponential(TINY, TINY, 2);
    try (WorkQueue<String> q = new WorkQueue<>(1, key -> {
      calls.incrementAndGet();
      return PassControl.retryWithBackOff();
    }, (key, failed) -> {
      retriesAsked.put(failed, true);
      Optional<Duration> next = limitTwo.apply(key, failed);
      if (next.isEmpty()) {
        gaveUp.countDown();
      }
      return next;
    })) {
      q.add("app");
      assertThat(gaveUp.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(calls).hasValue(3);
      assertThat(q.failures("app")).isEqualTo(3);
    }
  }

  @Test
  void exponentialDoublesUpToTheCap() {
    var policy = WorkQueue.<String>exponential(Duration.ofSeconds(10), Duration.ofSeconds(60), 5);
    assertThat(policy.apply("k", 1)).contains(Duration.ofSeconds(10));
    assertThat(policy.apply("k", 2)).contains(Duration.ofSeconds(20));
    assertThat(policy.apply("k", 3)).contains(Duration.ofSeconds(40));
    assertThat(policy.apply("k", 4)).contains(Duration.ofSeconds(60));
    assertThat(policy.apply("k", 6)).isEmpty();
  }
}
