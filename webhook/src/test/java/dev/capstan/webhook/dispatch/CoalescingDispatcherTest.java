package dev.capstan.webhook.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.webhook.event.ChangedPaths;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.event.RepoId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CoalescingDispatcherTest {
  private static final RepoId REPO = RepoId.of("https://github.com/org/deploy");

  private static PushEvent push(String ref, int n, String path) {
    String sha = String.format("%040x", n);
    return new PushEvent(REPO, ref, sha, ChangedPaths.of(List.of(path)), Provider.GITHUB, "d" + n);
  }

  @Test
  void aBurstWhileTheListenerIsBusyBecomesOneDeliveryOfTheNewestCommit() throws InterruptedException {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LinkedBlockingQueue<PushEvent> delivered = new LinkedBlockingQueue<>();
    PushListener listener = event -> {
      delivered.add(event);
      firstStarted.countDown();
      await(release);
    };
    try (CoalescingDispatcher dispatcher = new CoalescingDispatcher(listener, 1, 100)) {
      dispatcher.submit(push("refs/heads/main", 1, "a/one.yaml"));
      assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
      for (int n = 2; n <= 10; n++) {
        assertThat(dispatcher.submit(push("refs/heads/main", n, "a/" + n + ".yaml"))).isTrue();
      }
      assertThat(dispatcher.pendingCount()).isEqualTo(1);
      release.countDown();
      PushEvent first = delivered.poll(5, TimeUnit.SECONDS);
      PushEvent second = delivered.poll(5, TimeUnit.SECONDS);
      assertThat(first.commit()).endsWith("1");
      assertThat(second.commit()).isEqualTo(String.format("%040x", 10));
      assertThat(second.changedPaths().paths()).as("paths of superseded pushes are kept")
          .hasSize(9).contains("a/2.yaml", "a/10.yaml");
      assertThat(delivered.poll(300, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
    }
  }

  @Test
  void thePushArrivingDuringDeliveryIsNeverLost() throws InterruptedException {
    LinkedBlockingQueue<PushEvent> delivered = new LinkedBlockingQueue<>();
    try (CoalescingDispatcher dispatcher = new CoalescingDispatcher(delivered::add, 2, 100)) {
      for (int n = 1; n <= 2000; n++) {
        dispatcher.submit(push("refs/heads/main", n, "p"));
      }
      PushEvent last = null;
      while (last == null || !last.commit().equals(String.format("%040x", 2000))) {
        last = delivered.poll(5, TimeUnit.SECONDS);
        assertThat(last).as("the last push arrives").isNotNull();
      }
    }
  }

  @Test
  void differentRefsAreNotCoalescedAndAFullDispatcherRefuses() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<PushEvent> delivered = new CopyOnWriteArrayList<>();
    CountDownLatch all = new CountDownLatch(3);
    PushListener listener = event -> {
      await(release);
      delivered.add(event);
      all.countDown();
    };
    try (CoalescingDispatcher dispatcher = new CoalescingDispatcher(listener, 1, 2)) {
      assertThat(dispatcher.submit(push("refs/heads/a", 1, "x"))).isTrue();
      Thread.sleep(100); // let the worker take ref a, leaving both slots free
      assertThat(dispatcher.submit(push("refs/heads/b", 2, "x"))).isTrue();
      assertThat(dispatcher.submit(push("refs/heads/c", 3, "x"))).isTrue();
      assertThat(dispatcher.submit(push("refs/heads/d", 4, "x"))).as("two refs already wait").isFalse();
      assertThat(dispatcher.submit(push("refs/heads/c", 5, "x"))).as("a waiting ref still coalesces").isTrue();
      release.countDown();
      assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(delivered).extracting(PushEvent::shortRef).containsExactly("a", "b", "c");
    }
  }

  @Test
  void aThrowingListenerDoesNotStopDelivery() throws InterruptedException {
    LinkedBlockingQueue<PushEvent> delivered = new LinkedBlockingQueue<>();
    PushListener listener = event -> {
      if (event.ref().endsWith("boom")) {
        throw new IllegalStateException("listener bug");
      }
      delivered.add(event);
    };
    try (CoalescingDispatcher dispatcher = new CoalescingDispatcher(listener, 1, 10)) {
      dispatcher.submit(push("refs/heads/boom", 1, "x"));
      dispatcher.submit(push("refs/heads/fine", 2, "x"));
      assertThat(delivered.poll(5, TimeUnit.SECONDS)).extracting(PushEvent::shortRef).isEqualTo("fine");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
