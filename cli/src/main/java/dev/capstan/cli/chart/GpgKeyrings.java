package dev.capstan.cli.chart;

import java.nio.file.Path;
import java.util.Map;

/** Where Helm looks for an OpenPGP keyring when {@code --keyring} is not given. */
final class GpgKeyrings {
  private GpgKeyrings() {}

  /** {@code $GNUPGHOME/pubring.gpg}, else {@code ~/.gnupg/pubring.gpg}, as Helm's default. */
  static Path defaultKeyring(Map<String, String> env) {
    String home = env.get("GNUPGHOME");
    return home != null && !home.isBlank() ? Path.of(home, "pubring.gpg")
        : Path.of(System.getProperty("user.home"), ".gnupg", "pubring.gpg");
  }
}
