package dev.capstan.localcluster;

import dev.capstan.core.CapstanException;
import java.nio.file.Path;
import java.util.List;

/** The local control plane's binaries are not built (or not for the pinned version). */
public class BinariesMissingException extends CapstanException {
  /** What a user runs, from a Capstan checkout, to build the binaries. */
  public static final String BUILD_COMMAND = "tools/kube-binaries.sh";

  private final Path dir;
  private final List<String> missing;

  public BinariesMissingException(Path dir, List<String> missing) {
    super(dir.toString(), "missing " + String.join(", ", missing) + " (Kubernetes "
        + PinnedVersions.KUBERNETES + "); build them with: " + BUILD_COMMAND
        + " (in a Capstan checkout; needs Go 1.24+)");
    this.dir = dir;
    this.missing = List.copyOf(missing);
  }

  public Path dir() {
    return dir;
  }

  public List<String> missing() {
    return missing;
  }
}
