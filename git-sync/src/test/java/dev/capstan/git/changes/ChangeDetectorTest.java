package dev.capstan.git.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.git.testing.Upstream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeDetectorTest {
  @TempDir Path tmp;

  @Test
  void listsChangedPathsAndAnswersPerFolder() throws Exception {
    Upstream u = Upstream.create(tmp, "mono");
    ObjectId a = ObjectId.fromString(u.commit("base", Map.of(
        "apps/shop/values.yaml", "replicas: 1\n", "apps/shopfront/values.yaml", "x: 1\n",
        "apps/blog/values.yaml", "replicas: 1\n", "README.md", "hi\n")));
    Map<String, String> edit = new HashMap<>();
    edit.put("apps/shop/values.yaml", "replicas: 2\n");
    edit.put("apps/shop/new.yaml", "kind: ConfigMap\n");
    edit.put("README.md", null);
    ObjectId b = ObjectId.fromString(u.commit("edit shop", edit));
    u.git("push", "-q", "origin", "HEAD");

    try (Repository repo = new FileRepositoryBuilder().setGitDir(u.bare().toFile()).build()) {
      ChangeDetector detector = new ChangeDetector();

      assertThat(detector.changedPaths(repo, a, b)).containsExactly(
          new ChangedPath("README.md", ChangedPath.Kind.DELETED),
          new ChangedPath("apps/shop/new.yaml", ChangedPath.Kind.ADDED),
          new ChangedPath("apps/shop/values.yaml", ChangedPath.Kind.MODIFIED));
      assertThat(detector.pathChanged(repo, a, b, "apps/shop")).isTrue();
      assertThat(detector.pathChanged(repo, a, b, "apps/shopfront")).isFalse();
      assertThat(detector.pathChanged(repo, a, b, "apps/blog")).isFalse();
      assertThat(detector.pathChanged(repo, a, b, "")).isTrue();
      assertThat(detector.changedPaths(repo, b, b)).isEmpty();
    }
  }
}
