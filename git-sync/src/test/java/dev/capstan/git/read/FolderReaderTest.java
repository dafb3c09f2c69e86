package dev.capstan.git.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.git.testing.Upstream;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderReaderTest {
  @TempDir Path tmp;
  Upstream upstream;
  Repository repo;
  ObjectId first;
  ObjectId second;

  @BeforeEach
  void setUp() throws Exception {
    upstream = Upstream.create(tmp, "charts");
    first = ObjectId.fromString(upstream.commit("chart v1", Map.of(
        "charts/web/Chart.yaml", "name: web\nversion: 1.0.0\n",
        "charts/web/templates/deploy.yaml", "kind: Deployment\n",
        "charts/other/Chart.yaml", "name: other\n")));
    upstream.commitBytes("add logo", "charts/web/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    second = ObjectId.fromString(upstream.commitBytes("add big file", "charts/web/big.yaml", new byte[2 * 1024 * 1024]));
    upstream.git("push", "-q", "origin", "HEAD");
    repo = new FileRepositoryBuilder().setGitDir(upstream.bare().toFile()).setMustExist(true).build();
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  void readsAFolderAtACommitWithoutAWorkTree() {
    FolderSnapshot web = new FolderReader(ReadOptions.defaults()).read(repo, first, "charts/web");

    assertThat(web.paths()).containsExactly("Chart.yaml", "templates/deploy.yaml");
    assertThat(web.readString("templates/deploy.yaml")).isEqualTo("kind: Deployment\n");
    assertThat(web.readAll()).containsOnlyKeys("Chart.yaml", "templates/deploy.yaml");
  }

  @Test
  void listingIsLazyAndRefusalsNameThePath() {
    FolderSnapshot web = new FolderReader(ReadOptions.defaults()).read(repo, second, "charts/web");

    assertThat(web.paths()).contains("logo.png", "big.yaml");
    assertThat(web.readString("Chart.yaml")).startsWith("name: web");
    assertThatThrownBy(() -> web.read("logo.png"))
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(second.name().substring(0, 12) + ":charts/web/logo.png: is a binary file; only text files are read");
    assertThatThrownBy(() -> web.read("big.yaml"))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageContaining(":charts/web/big.yaml: is 2097152 bytes, over the limit of 1048576 bytes");
  }

  @Test
  void limitsAreOptions() {
    FolderSnapshot web = new FolderReader(ReadOptions.defaults().withAllowBinary(true).withMaxFileSize(4 << 20))
        .read(repo, second, "charts/web");

    assertThat(web.read("logo.png")).hasSize(7);
    assertThat(web.read("big.yaml")).hasSize(2 * 1024 * 1024);
  }

  @Test
  void missingFolderOrAFileInsteadOfAFolderIsAClearError() {
    FolderReader reader = new FolderReader(ReadOptions.defaults());

    assertThatThrownBy(() -> reader.read(repo, first, "charts/nope"))
        .hasMessage(first.name().substring(0, 12) + ":charts/nope: no such folder at this commit");
    assertThatThrownBy(() -> reader.read(repo, first, "charts/web/Chart.yaml"))
        .hasMessageEndingWith("is a file, not a folder");
  }

  @Test
  void rootFolderIsTheWholeRepository() {
    assertThat(new FolderReader(ReadOptions.defaults()).read(repo, first, "").paths())
        .containsExactly("charts/other/Chart.yaml", "charts/web/Chart.yaml", "charts/web/templates/deploy.yaml");
  }
}
