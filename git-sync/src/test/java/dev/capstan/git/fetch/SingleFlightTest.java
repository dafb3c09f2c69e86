package dev.capstan.git.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  final SingleFlight<String, Integer> flights = new SingleFlight<>();
  final AtomicInteger runs = new AtomicInteger();

  @Test
  void askingAgainAfterAnAnswerStartsANewRound() {
    for (int i = 1; i <= 200; i++) {
      assertThat(flights.run("k", runs::incrementAndGet, Duration.ofSeconds(5), () -> -1)).isEqualTo(i);
    }
  }

  @Test
  void callersWhileARoundRunsShareItsAnswer() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first = new Thread(() -> flights.run("k", () -> {
      started.countDown();
      await(release);
      return runs.incrementAndGet();
    }, Duration.ofSeconds(5), () -> -1));
    first.start();
    started.await();
    Thread releaser = new Thread(() -> {
      sleep(200);
      release.countDown();
    });
    releaser.start();

    int second = flights.run("k", runs::incrementAndGet, Duration.ofSeconds(5), () -> -1);

    first.join();
    assertThat(second).isEqualTo(1);
    assertThat(runs).hasValue(1);
  }

  @Test
  void stuckRoundAnswersAtTheDeadlineAndLaterCallersJoinIt() {
    CountDownLatch never = new CountDownLatch(1);

    int a = flights.run("k", () -> {
      await(never);
      return runs.incrementAndGet();
    }, Duration.ofMillis(200), () -> -1);
    int b = flights.run("k", runs::incrementAndGet, Duration.ofMillis(200), () -> -2);

    assertThat(a).isEqualTo(-1);
    assertThat(b).isEqualTo(-2);
    assertThat(runs).hasValue(0);
    never.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
