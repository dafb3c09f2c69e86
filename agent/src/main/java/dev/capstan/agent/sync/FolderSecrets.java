package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files mode: a name is a folder directly under {@code --credentials-dir}, one file per key, as a
 * Secret mounted there looks. The name is checked again here (a Secret's name: no separator, no
 * {@code ..}), because a path is built from it; files larger than a Secret can be are refused.
 */
public final class FolderSecrets implements SourceSecrets {
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  /** A Kubernetes Secret holds at most 1 MiB in all. */
  private static final long MAX_BYTES = 1 << 20;

  private final Path dir;

  public FolderSecrets(Path dir) {
    this.dir = dir;
  }

  @Override
  public Map<String, byte[]> read(Application app, String name) {
    Path folder = folder(name);
    if (!Files.isDirectory(folder)) {
      throw new ApplicationException(describe(app, name), "no such folder");
    }
    Map<String, byte[]> keys = new TreeMap<>();
    long total = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        String key = f.getFileName().toString();
        // ..data and ..2024_… are the mount's own bookkeeping; the keys are symlinks into them
        if (key.startsWith("..") || !KEY.matcher(key).matches() || !Files.isRegularFile(f)) {
          continue;
        }
        total += Files.size(f);
        if (total > MAX_BYTES) {
          throw new ApplicationException(describe(app, name), "holds more than a Secret can (1 MiB)");
        }
        keys.put(key, Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new ApplicationException(describe(app, name), "cannot be read: " + e.getMessage());
    }
    return keys;
  }

  @Override
  public String describe(Application app, String name) {
    return "folder " + folder(name);
  }

  private Path folder(String name) {
    if (!ApplicationValidator.isObjectName(name)) {
      throw new ApplicationException("spec.source.secretRef", "must name a Secret, got \"" + name + "\"");
    }
    return dir.resolve(name);
  }
}
