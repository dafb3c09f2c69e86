package dev.capstan.chartrepo.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm's lock layout and digest. The expected digest is what Helm 3.17's {@code helm dependency
 * update} wrote for the Chart.yaml below (a vendored dependency, so it needs no repository); the
 * range with {@code >} and {@code <} and the tag with {@code &} exercise Go's HTML-safe JSON escapes,
 * condition, tags and alias Helm's field order. DependencyIT checks the same against Helm live.
 */
class LockDigestTest {
  @TempDir Path tmp;

  @Test
  void readsAndWritesHelmsLayout() throws Exception {
    ChartLock lock = new ChartLock(List.of(new ChartLock.Locked("web", "https://charts.example.com", "1.10")),
        "sha256:" + "0".repeat(64), "2026-12-04T10:00:00.123456789Z");
    ChartLockFile.write(tmp, lock);
    assertThat(java.nio.file.Files.readString(tmp.resolve("Chart.lock"))).isEqualTo("""
        dependencies:
        - name: web
          repository: https://charts.example.com
          version: "1.10"
        digest: sha256:0000000000000000000000000000000000000000000000000000000000000000
        generated: 2026-12-04T10:00:00.123456789Z
        """);
    assertThat(ChartLockFile.read(tmp)).contains(lock);
  }

  @Test
  void digestIsWhatHelmWrites() throws Exception {
    JsonNode req = new YAMLMapper().readTree("""
        - name: web
          version: ">=1.0.0 <2.0.0"
          condition: web.enabled
          tags: [front, "a&b"]
          alias: site
        """);
    assertThat(LockDigest.of(req, List.of(new ChartLock.Locked("web", "", ">=1.0.0 <2.0.0"))))
        .isEqualTo("sha256:863cb4f69eccff4fd533c742f6ecdd6258d88e4ba651a61d43fcfe27e6391d1d");
  }

  @Test
  void digestChangesWithWhatIsLockedAndWithTheRequirements() throws Exception {
    JsonNode req = new YAMLMapper().readTree("""
        - name: web
          version: ">=1.0.0 <2.0.0"
          repository: https://charts.example.com
        """);
    List<ChartLock.Locked> locked = List.of(new ChartLock.Locked("web", "https://charts.example.com", "1.1.0"));
    String digest = LockDigest.of(req, locked);
    assertThat(digest).startsWith("sha256:").hasSize(71);
    assertThat(LockDigest.of(req, locked)).isEqualTo(digest);
    assertThat(LockDigest.of(req, List.of(new ChartLock.Locked("web", "https://charts.example.com", "1.2.0"))))
        .isNotEqualTo(digest);
  }
}
