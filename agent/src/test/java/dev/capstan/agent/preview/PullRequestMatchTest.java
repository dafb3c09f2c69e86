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

  private Application sources(String sources) throws Exception {
    return ApplicationFiles.load(Files.writeString(tmp.resolve("s.yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: web}
        spec:
          sources:
        %s
          destination: {namespace: shop}
          preview: {enabled: true}
        """.formatted(sources.indent(4).stripTrailing()))).get(0).application();
  }

  @Test
  void aChartFromARegistryIsPreviewedWhenTheRequestChangesTheValuesFilesItsGitSourceSupplies() throws Exception {
    Application web = sources("""
        - {repoURL: "oci://registry.example/charts/web", ref: "^1.0.0", valuesFiles: [$values/env/prod.yaml, $values/env/common.yaml]}
        - {repoURL: "https://github.com/acme/deploy.git", ref: main, name: values}
        """);
    PullRequestEvent pr = pr(REPO, "main", "refs/pull/3/head");
    assertThat(PullRequestMatch.refusal(web, pr)).isEmpty();
    List<MatchedSource> matched = PullRequestMatch.sources(web, pr);
    assertThat(matched).extracting(MatchedSource::name).containsExactly("values");
    MatchedSource values = matched.get(0);
    assertThat(PullRequestMatch.touches(web, values, List.of("docs/README.md", "env/prod.yaml"))).isTrue();
    assertThat(PullRequestMatch.touches(web, values, List.of("env/common.yaml"))).isTrue();
    assertThat(PullRequestMatch.touches(web, values, List.of("env/staging.yaml", "env/prod.yaml.bak", "env"))).as("files it does not supply")
        .isFalse();
    assertThat(PullRequestMatch.refusal(web, pr(REPO, "release-1", "refs/pull/3/head"))).contains("follows main, not release-1");
    assertThat(PullRequestMatch.mayHaveFetched(web, pr)).isTrue();
    assertThat(PullRequestMatch.follows(web, pr, "refs/heads/main")).isTrue();
  }

  @Test
  void aChartWithoutGitSourcesOrWithValuesElsewhereIsNotPreviewed() throws Exception {
    PullRequestEvent pr = pr(REPO, "main", "refs/pull/3/head");
    Application alone = sources("""
        - {repoURL: "oci://registry.example/charts/web", ref: "1.0.0", values: {message: hi}}
        """);
    assertThat(PullRequestMatch.refusal(alone, pr)).get().asString().contains("no Git source supplies values");
    Application elsewhere = sources("""
        - {repoURL: "oci://registry.example/charts/web", valuesFiles: [$values/prod.yaml]}
        - {repoURL: "https://github.com/acme/config.git", ref: main, name: values}
        """);
    assertThat(PullRequestMatch.refusal(elsewhere, pr)).contains("another repository");
    assertThat(PullRequestMatch.mayHaveFetched(elsewhere, pr)).isFalse();
  }

  @Test
  void everyGitSourceIntoTheTargetBranchIsMatchedAndEachTouchesWhatItSupplies() throws Exception {
    Application web = sources("""
        - {repoURL: "https://github.com/acme/deploy.git", ref: main, path: charts/web, valuesFiles: [values.yaml, $prod/web.yaml, $old/web.yaml]}
        - {repoURL: "git@github.com:acme/deploy.git", ref: refs/heads/main, name: prod}
        - {repoURL: "https://github.com/acme/deploy.git", ref: v1.2.0, name: old}
        """);
    PullRequestEvent pr = pr(REPO, "main", "refs/pull/3/head");
    List<MatchedSource> matched = PullRequestMatch.sources(web, pr);
    assertThat(matched).extracting(MatchedSource::name).as("a tag follows no branch").containsExactly(MatchedSource.DEPLOYED, "prod");
    assertThat(PullRequestMatch.touches(web, matched.get(0), List.of("charts/web/templates/a.yaml"))).isTrue();
    assertThat(PullRequestMatch.touches(web, matched.get(0), List.of("web.yaml"))).isFalse();
    assertThat(PullRequestMatch.touches(web, matched.get(1), List.of("web.yaml"))).isTrue();
    assertThat(PullRequestMatch.touches(web, matched.get(1), List.of("charts/web/values.yaml"))).isFalse();
  }
}
