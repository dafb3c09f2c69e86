package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentCallsTest {
  @Test
  void resultsComeBackInTheOrderOfTheInput() {
    List<Integer> in = IntStream.range(0, 50).boxed().toList();
    assertThat(ConcurrentCalls.map(in, i -> i * 2)).isEqualTo(in.stream().map(i -> i * 2).toList());
  }

  @Test
  void callsRunSideBySide() {
    CountDownLatch allStarted = new CountDownLatch(4);
    List<Boolean> met = ConcurrentCalls.map(List.of(1, 2, 3, 4), i -> {
      allStarted.countDown();
      try {
        return allStarted.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(met).containsOnly(true);
  }

  @Test
  void theFirstFailureInInputOrderIsThrownOnlyAfterEveryCallFinished() {
    Set<Integer> finished = ConcurrentHashMap.newKeySet();
    assertThatThrownBy(() -> ConcurrentCalls.map(List.of(0, 1, 2, 3, 4, 5), i -> {
      if (i == 4) {
        throw new IllegalArgumentException("four");
      }
      if (i == 1) {
        sleep(200);
        throw new IllegalStateException("one");
      }
      sleep(300);
      finished.add(i);
      return i;
    })).isInstanceOf(IllegalStateException.class).hasMessage("one");
    assertThat(finished).containsExactlyInAnyOrder(0, 2, 3, 5);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
