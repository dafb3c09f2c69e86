package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The keys of the Secret an Application's {@code secretRef} names, read when a source needs them. In
 * files mode a Secret is a folder under {@code --credentials-dir} laid out as Kubernetes mounts one
 * (a file per key); a reader of Secrets through the API fits the same shape.
 */
@FunctionalInterface
public interface SecretKeys {
  /**
   * Every key of Secret {@code name}.
   *
   * @throws ApplicationException naming the Secret when it cannot be read
   */
  Map<String, byte[]> read(Application app, String name);

  /** Secrets as folders of files under {@code credentialsDir}; a missing folder holds no keys. */
  static SecretKeys folders(Path credentialsDir) {
    return (app, name) -> {
      if (!ApplicationValidator.isObjectName(name)) {
        // The validator refuses such names first; this is the last line before a path is built from one.
        throw new ApplicationException("spec.source.secretRef", "must name a Secret, got \"" + name + "\"");
      }
      Path dir = credentialsDir.resolve(name);
      Map<String, byte[]> keys = new LinkedHashMap<>();
      if (!Files.isDirectory(dir)) {
        return keys;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String key = file.getFileName().toString();
          if (!key.startsWith(".")) { // a mounted Secret's ..data bookkeeping is not a key
            keys.put(key, Files.readAllBytes(file));
          }
        }
      } catch (IOException e) {
        throw new ApplicationException("spec.source.secretRef", "cannot read Secret " + name + ": " + e.getMessage(), e);
      }
      return keys;
    };
  }
}
