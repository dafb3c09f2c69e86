package dev.capstan.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedPathsTest {
  @Test
  void touchesMatchesWholeDirectoryNamesOnly() {
    ChangedPaths paths = ChangedPaths.of(List.of("apps/web/values.yaml", "README.md"));
    assertThat(paths.touches("apps/web")).isTrue();
    assertThat(paths.touches("apps/web/")).isTrue();
    assertThat(paths.touches("apps/we")).isFalse();
    assertThat(paths.touches("apps/worker")).isFalse();
    assertThat(paths.touches("README.md")).isTrue();
    assertThat(paths.touches("")).isTrue();
  }

  @Test
  void unknownTouchesEverythingAndAbsorbsUnions() {
    ChangedPaths known = ChangedPaths.of(List.of("a/x.yaml"));
    assertThat(ChangedPaths.unknown().touches("anything")).isTrue();
    assertThat(known.union(ChangedPaths.unknown()).known()).isFalse();
    assertThat(known.union(ChangedPaths.of(List.of("b/y.yaml"))).paths()).containsExactly("a/x.yaml", "b/y.yaml");
  }
}
