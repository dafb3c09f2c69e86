package dev.capstan.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where {@code capstan up} keeps its work folder unless {@code --dir} says: never in the current folder. */
class QuickstartDirTest {
  @Test
  void theXdgStateFolderWhenSet() {
    assertThat(UpCommand.defaultWorkDir(Map.of("XDG_STATE_HOME", "/var/lib/me")))
        .isEqualTo(Path.of("/var/lib/me/capstan/quickstart"));
  }

  @Test
  void elseTheUsersLocalStateFolder() {
    Path expected = Path.of(System.getProperty("user.home"), ".local", "state", "capstan", "quickstart");
    assertThat(UpCommand.defaultWorkDir(Map.of())).isEqualTo(expected);
    assertThat(UpCommand.defaultWorkDir(Map.of("XDG_STATE_HOME", "relative/path"))).as("the spec ignores a relative one").isEqualTo(expected);
  }
}
