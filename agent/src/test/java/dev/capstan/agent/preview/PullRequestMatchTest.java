package dev.capstan.agent.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationFiles;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PullRequestAction;
import dev.capstan.webhook.event.PullRequestEvent;
import dev.capstan.webhook.event.RepoId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestMatchTest {
  private static final RepoId REPO = RepoId.of("https://github.com/acme/deploy");

  @TempDir
  Path tmp;

  private Application app(String extra) throws Exception {
    return ApplicationFiles.load(Files.writeString(tmp.resolve("a.yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: web}
        spec:
          source: {repoURL: "git@github.com:Acme/deploy.git", ref: main, path: apps/web}
          destination: {namespace: shop}
        """ + extra)).get(0).application();
  }

  private static PullRequestEvent pr(RepoId headRepo, String base, String headRef) {
    return new PullRequestEvent(REPO, 3, PullRequestAction.OPENED, "a".repeat(40), "idea", headRepo, base, headRef, "", null,
        Provider.GITHUB, "");
  }

  @Test
  void previewsAreOffUnlessTheApplicationAsks() throws Exception {
    assertThat(PullRequestMatch.refusal(app(""), pr(REPO, "main", "refs/pull/3/head"))).contains("previews are off");
    assertThat(PullRequestMatch.refusal(app("  preview: {enabled: true}\n"), pr(REPO, "main", "refs/pull/3/head"))).isEmpty();
  }

  @Test
  void onlyRequestsIntoTheFollowedBranchOfTheSameRepository() throws Exception {
    Application web = app("  preview: {enabled: true}\n");
    assertThat(PullRequestMatch.refusal(web, pr(REPO, "release-1", "refs/pull/3/head"))).contains("follows main, not release-1");
    PullRequestEvent other = new PullRequestEvent(RepoId.of("https://github.com/acme/other"), 3, PullRequestAction.OPENED,
        "a".repeat(40), "idea", null, "main", "refs/pull/3/head", "", null, Provider.GITHUB, "");
    assertThat(PullRequestMatch.refusal(web, other)).contains("another repository");
  }

  @Test
  void aForkIsRefusedUnlessTheApplicationAllowsForks() throws Exception {
    PullRequestEvent fork = pr(RepoId.of("https://github.com/stranger/deploy"), "main", "refs/pull/3/head");
    assertThat(PullRequestMatch.refusal(app("  preview: {enabled: true}\n"), fork)).get().asString().contains("fork");
    assertThat(PullRequestMatch.refusal(app("  preview: {enabled: true, sameRepositoryOnly: false}\n"), fork)).isEmpty();
    PullRequestEvent bitbucketFork = pr(RepoId.of("https://github.com/stranger/deploy"), "main", null);
    assertThat(PullRequestMatch.refusal(app("  preview: {enabled: true, sameRepositoryOnly: false}\n"), bitbucketFork))
        .get().asString().contains("keeps no ref");
  }

  @Test
  void onlyChangesUnderTheChartFolderTouchTheApplication() throws Exception {
    Application web = app("  preview: {enabled: true}\n");
    assertThat(PullRequestMatch.touches(web, List.of("apps/web/values.yaml"))).isTrue();
    assertThat(PullRequestMatch.touches(web, List.of("apps/webshop/values.yaml", "docs/README.md"))).isFalse();
    assertThat(PullRequestMatch.touches(web, List.of())).isFalse();
  }

  @Test
  void aClosedRequestsHeadMayBeInTheCachesOfPreviewedApplicationsOfItsRepository() throws Exception {
    PullRequestEvent pr = pr(REPO, "main", "refs/pull/3/head");
    assertThat(PullRequestMatch.mayHaveFetched(app("  preview: {enabled: true}\n"), pr)).isTrue();
    assertThat(PullRequestMatch.mayHaveFetched(app(""), pr)).as("previews off: nothing fetched").isFalse();
    assertThat(PullRequestMatch.follows(app(""), pr, "refs/heads/main")).isTrue();
    assertThat(PullRequestMatch.follows(app(""), pr, "refs/pull/3/head")).isFalse();
  }
}
