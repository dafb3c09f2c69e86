package dev.capstan.agent.preview;

import static dev.capstan.agent.AgentFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.sync.FakeWorld;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PullRequestAction;
import dev.capstan.webhook.event.PullRequestEvent;
import dev.capstan.webhook.event.RepoId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The preview queue's promises, against the agent's in-memory world: latest wins, bounded, closed requests forgotten, read-only. */
class PullRequestPreviewsTest {
  private final FakeWorld world = new FakeWorld();
  private final Application web = FakeWorld.app("web", "source: {repoURL: \"" + FakeWorld.REPO + "\", ref: main, path: app}\n"
      + "preview: {enabled: true}\n");
  private final CountDownLatch firstFetch = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> published = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> closed = Collections.synchronizedList(new ArrayList<>());
  private final List<String> forgotten = Collections.synchronizedList(new ArrayList<>());
  private final PreviewStore store = new PreviewStore();
  private volatile List<String> changed = List.of("app/values.yaml");
  private PullRequestPreviews previews;

  private PullRequestPreviews start(PreviewOptions options) {
    PullRequestSources sources = new PullRequestSources() {
      @Override
      public Heads fetch(Application app, Source source, PullRequestEvent pr) {
        firstFetch.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        GitRevision head = world.git.head(FakeWorld.REPO);
        GitRevision revision = new GitRevision(pr.headCommit(), head.ref(), head.author(), head.committer(), head.time(),
            head.subject(), head.signature());
        return new Heads(revision, head, changed);
      }

      @Override
      public GitRevision at(Application app, Source source, String sha) {
        return world.git.head(FakeWorld.REPO);
      }

      @Override
      public List<String> forget(Application app, Source source, PullRequestEvent pr) {
        forgotten.add(app.getMetadata().getName() + " " + pr.headRef());
        return List.of(pr.headRef());
      }
    };
    PreviewPublisher publisher = new PreviewPublisher() {
      @Override
      public void publish(PullRequestEvent pr, String headCommit, List<AppPreview> results) {
        published.add(headCommit);
      }

      @Override
      public void closed(PullRequestEvent pr) {
        closed.add(pr.number());
      }
    };
    previews = new PullRequestPreviews(() -> List.of(web), sources, new Previewer(world.context(), (app, revision) -> new LintReport(List.of())), publisher, store, FakeWorld.CLOCK,
        options, new SimpleMeterRegistry());
    return previews;
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (previews != null) {
      previews.close();
    }
  }

  private static PullRequestEvent event(long number, PullRequestAction action, String head) {
    return new PullRequestEvent(RepoId.of(FakeWorld.REPO), number, action, head, "branch", null, "main", "refs/pull/" + number + "/head",
        "", null, Provider.GITHUB, "");
  }

  private static String sha(int n) {
    return String.format("%040x", n);
  }

  @Test
  void twentyPushesDuringAPreviewCostOneMorePreviewOfTheNewestHead() throws Exception {
    world.git.commit(FakeWorld.REPO, "main");
    PullRequestPreviews queue = start(PreviewOptions.defaults());
    assertThat(queue.submit(event(7, PullRequestAction.OPENED, sha(1)))).isTrue();
    assertThat(firstFetch.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 2; i <= 21; i++) {
      assertThat(queue.submit(event(7, PullRequestAction.UPDATED, sha(i)))).isTrue();
    }
    release.countDown();
    await("the newest head previewed", Duration.ofSeconds(10), () -> published.contains(sha(21)));
    await("queue drained", Duration.ofSeconds(10), () -> queue.eventsHandled() == 2);
    assertThat(published).containsExactly(sha(1), sha(21));
    assertThat(queue.previewsRun()).isEqualTo(2);
    assertThat(world.cluster.upgrades()).as("a preview applies nothing").isEmpty();
    assertThat(store.list()).singleElement().extracting(OpenPreview::headCommit).isEqualTo(sha(21));
  }

  @Test
  void aFullQueueRefusesNewPullRequestsButStillTakesNewerHeadsOfWaitingOnes() throws Exception {
    world.git.commit(FakeWorld.REPO, "main");
    PullRequestPreviews queue = start(new PreviewOptions(1, 1));
    assertThat(queue.submit(event(1, PullRequestAction.OPENED, sha(1)))).isTrue();
    assertThat(firstFetch.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(queue.submit(event(2, PullRequestAction.OPENED, sha(2)))).isTrue();
    assertThat(queue.submit(event(3, PullRequestAction.OPENED, sha(3)))).as("the queue holds one").isFalse();
    assertThat(queue.submit(event(2, PullRequestAction.UPDATED, sha(4)))).as("a newer head of a waiting request").isTrue();
    release.countDown();
    await("both previewed", Duration.ofSeconds(10), () -> published.size() == 2);
    assertThat(published).containsExactly(sha(1), sha(4));
  }

  @Test
  void aRequestThatNoLongerTouchesTheApplicationHasItsCommentSaySo() throws Exception {
    world.git.commit(FakeWorld.REPO, "main");
    release.countDown();
    PullRequestPreviews queue = start(PreviewOptions.defaults());
    queue.submit(event(6, PullRequestAction.OPENED, sha(1)));
    await("previewed", Duration.ofSeconds(10), () -> queue.eventsHandled() == 1);
    changed = List.of("docs/README.md");
    queue.submit(event(6, PullRequestAction.UPDATED, sha(2)));
    await("handled", Duration.ofSeconds(10), () -> queue.eventsHandled() == 2);
    assertThat(published).containsExactly(sha(1), sha(2));
    assertThat(store.list()).isEmpty();
    queue.submit(event(6, PullRequestAction.UPDATED, sha(3)));
    await("handled again", Duration.ofSeconds(10), () -> queue.eventsHandled() == 3);
    assertThat(published).as("nothing more once the comment says so").hasSize(2);
  }

  @Test
  void aClosedRequestIsForgottenAndAnUnchangedHeadIsNotPreviewedAgain() throws Exception {
    world.git.commit(FakeWorld.REPO, "main");
    release.countDown();
    PullRequestPreviews queue = start(PreviewOptions.defaults());
    queue.submit(event(5, PullRequestAction.OPENED, sha(9)));
    await("previewed", Duration.ofSeconds(10), () -> queue.eventsHandled() == 1);
    queue.submit(event(5, PullRequestAction.UPDATED, sha(9))); // a new title, the same head
    await("handled", Duration.ofSeconds(10), () -> queue.eventsHandled() == 2);
    assertThat(published).containsExactly(sha(9));
    queue.submit(event(5, PullRequestAction.CLOSED, sha(9)));
    await("closed", Duration.ofSeconds(10), () -> queue.eventsHandled() == 3);
    assertThat(store.list()).isEmpty();
    assertThat(closed).containsExactly(5L);
    assertThat(forgotten).as("the closed head leaves the Git cache").containsExactly("web refs/pull/5/head");
  }

  @Test
  void aClosedRequestWhoseHeadIsABranchAnApplicationFollowsLeavesTheCacheAlone() throws Exception {
    release.countDown();
    PullRequestPreviews queue = start(PreviewOptions.defaults());
    // Bitbucket's head ref is the source branch itself: here the branch web deploys from.
    queue.submit(new PullRequestEvent(RepoId.of(FakeWorld.REPO), 4, PullRequestAction.CLOSED, sha(4), "main", null, "release",
        "refs/heads/main", "", null, Provider.BITBUCKET, ""));
    await("closed", Duration.ofSeconds(10), () -> queue.eventsHandled() == 1);
    assertThat(closed).containsExactly(4L);
    assertThat(forgotten).isEmpty();
  }
}
