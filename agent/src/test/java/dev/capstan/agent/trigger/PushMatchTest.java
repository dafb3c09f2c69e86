package dev.capstan.agent.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Source;
import dev.capstan.webhook.event.ChangedPaths;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.event.RepoId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushMatchTest {
  private static final String SHA = "1111111111111111111111111111111111111111";

  private static Source source(String url, String ref, String path) {
    return new Source(url, ref, path, null, null, null);
  }

  private static PushEvent push(String repo, String ref, ChangedPaths paths) {
    return new PushEvent(RepoId.of(repo), ref, SHA, paths, Provider.GITHUB, "d1");
  }

  @Test
  void anySpellingOfTheRepositoryMatches() {
    var event = push("https://github.com/org/apps", "refs/heads/main", ChangedPaths.unknown());
    for (String url : List.of("https://github.com/org/apps.git", "git@github.com:org/apps.git", "ssh://git@github.com/org/apps",
        "https://GitHub.com/org/apps/")) {
      assertThat(PushMatch.matches(source(url, "main", "web"), event)).as(url).isTrue();
    }
    assertThat(PushMatch.matches(source("https://github.com/org/other", "main", "web"), event)).isFalse();
  }

  @Test
  void onlyTheRefTheAppFollows() {
    var main = push("https://github.com/org/apps", "refs/heads/main", ChangedPaths.unknown());
    var tag = push("https://github.com/org/apps", "refs/tags/v1.3.0", ChangedPaths.unknown());

    assertThat(PushMatch.matches(source("https://github.com/org/apps", "main", ""), main)).isTrue();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "refs/heads/main", ""), main)).isTrue();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "develop", ""), main)).isFalse();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", null, ""), main)).isTrue();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "v1.3.0", ""), tag)).isTrue();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", ">=1.2.0 <2", ""), tag)).isTrue();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", ">=1.2.0 <2", ""), main)).isFalse();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", SHA, ""), main)).isFalse();
  }

  @Test
  void aPushThatOnlyTouchesAnotherAppsFolderIsIgnored() {
    var event = push("https://github.com/org/apps", "refs/heads/main", ChangedPaths.of(List.of("apps/api/values.yaml")));

    assertThat(PushMatch.matches(source("https://github.com/org/apps", "main", "apps/api"), event)).isTrue();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "main", "apps/web"), event)).isFalse();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "main", "apps/ap"), event)).isFalse();
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "main", ""), event)).isTrue();
  }

  @Test
  void deletionsNeverTrigger() {
    var deleted = new PushEvent(RepoId.of("https://github.com/org/apps"), "refs/heads/main", PushEvent.ZERO_SHA,
        ChangedPaths.unknown(), Provider.GITHUB, "d2");
    assertThat(PushMatch.matches(source("https://github.com/org/apps", "main", ""), deleted)).isFalse();
  }
}
