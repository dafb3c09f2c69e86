package dev.capstan.agent.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.application.ApplicationStatus.HistoryEntry;
import dev.capstan.agent.application.Source;
import dev.capstan.agent.sync.AppInputs;
import dev.capstan.agent.sync.FakeWorld;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewInputsTest {
  private static final String DIGEST_1 = "sha256:" + "1".repeat(64);
  private static final String DIGEST_2 = "sha256:" + "2".repeat(64);
  private final FakeWorld world = new FakeWorld();
  private final List<String> read = new ArrayList<>();

  PreviewInputsTest() {
    world.git.commit(FakeWorld.REPO, "pull request head");
  }

  /** Git sources as a cache holding every commit: the revision asked for, noted. */
  private final PullRequestSources git = new PullRequestSources() {
    @Override
    public Heads fetch(Application app, Source source, PullRequestEvent pr) {
      throw new AssertionError("a preview's inputs fetch no head");
    }

    @Override
    public GitRevision at(Application app, Source source, String sha) {
      read.add(source.repoURL() + "@" + sha);
      GitRevision any = world.git.head(FakeWorld.REPO);
      return new GitRevision(sha, sha, any.author(), any.committer(), any.time(), "deployed", any.signature());
    }

    @Override
    public List<String> forget(Application app, Source source, PullRequestEvent pr) {
      return List.of();
    }
  };

  private static Application web(List<HistoryEntry> history) {
    Application app = FakeWorld.app("web", """
        sources:
          - {repoURL: "oci://registry.example/charts/web", ref: "^1.0.0", valuesFiles: [$values/prod.yaml, $base/common.yaml]}
          - {repoURL: "https://git.example.com/config.git", ref: main, name: values}
          - {repoURL: "https://git.example.com/base.git", ref: main, name: base}
        """);
    app.setStatus(new ApplicationStatus(null, null, null, history, 1L));
    return app;
  }

  @Test
  void theSourceAtTheHeadAndEveryOtherAsTheNewestDeployedRevisionRecordsIt() {
    Application app = web(List.of(
        new HistoryEntry(3, null, "t3", "failed", Map.of("sources[0]", "1.2.0@" + DIGEST_2, "values", "c3", "base", "b3")),
        new HistoryEntry(2, null, "t2", "deployed", Map.of("sources[0]", "1.1.0@" + DIGEST_1, "values", "c2", "base", "b2")),
        new HistoryEntry(1, null, "t1", "superseded", Map.of("sources[0]", "1.0.0@" + DIGEST_2, "values", "c1", "base", "b1"))));
    GitRevision head = world.git.head(FakeWorld.REPO);

    AppInputs inputs = PreviewInputs.read(world.context(), app, Map.of("values", head), git);

    assertThat(inputs.revision().id()).as("the chart as deployed, not the failed revision's").isEqualTo("1.1.0@" + DIGEST_1);
    assertThat(inputs.revision().chart().name()).isEqualTo("web");
    assertThat(inputs.chart()).as("loaded through the sync's chart sources when rendered").isNotNull();
    assertThat(inputs.references().get("values")).isEqualTo(head);
    assertThat(inputs.references().get("base").sha()).isEqualTo("b2");
    assertThat(read).containsExactly("https://git.example.com/base.git@b2");
  }

  @Test
  void anApplicationNeverDeployedCannotStandItsUnchangedSourcesForTheirDeployedRevisions() {
    Application app = web(List.of());
    GitRevision head = world.git.head(FakeWorld.REPO);
    assertThatThrownBy(() -> PreviewInputs.read(world.context(), app, Map.of("values", head), git))
        .isInstanceOf(ApplicationException.class).hasMessageContaining("source: has no deployed revision yet");
    app.setStatus(new ApplicationStatus(null, null, null,
        List.of(new HistoryEntry(1, null, "t1", "deployed", Map.of("sources[0]", "1.0.0", "values", "c1"))), 1L));
    assertThatThrownBy(() -> PreviewInputs.read(world.context(), app, Map.of("values", head), git))
        .isInstanceOf(ApplicationException.class).hasMessageContaining("source base: has no deployed revision yet");
  }

  @Test
  void aChartVersionWithoutDigestIsTheBareVersion() {
    Application app = web(List.of(new HistoryEntry(1, null, "t1", "deployed", Map.of("sources[0]", "1.0.0", "values", "c1", "base", "b1"))));
    AppInputs inputs = PreviewInputs.read(world.context(), app, Map.of(), git);
    assertThat(inputs.revision().chart().version()).isEqualTo("1.0.0");
    assertThat(inputs.revision().chart().digest()).isEmpty();
    assertThat(inputs.references().get("values").sha()).isEqualTo("c1");
  }
}
