package dev.capstan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: what a test prints must equal {@code src/test/resources/golden/<name>} of the module
 * under test, byte for byte. Run the tests with {@code -Dgolden.update=true} to write the files from
 * the current output instead, then review them in the diff.
 *
 * <p>Plain JUnit (opentest4j) rather than AssertJ, so a module can take this class with every
 * transitive dependency of test-support excluded (chart-renderer does, to keep Kubernetes off its
 * classpath). A mismatch carries expected and actual, so IDEs show it as a diff.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** The golden file {@code name} resolves to, for tests that read a file written by another tool (Helm). */
  public static Path file(String name) {
    return ROOT.resolve(name);
  }

  public static void assertMatches(String name, String actual) {
    Path file = file(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.isRegularFile(file)) {
        throw new AssertionFailedError("golden file " + file + " is missing (create it with -Dgolden.update=true)");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        throw new AssertionFailedError("output differs from " + file + " (update with -Dgolden.update=true)",
            expected, actual);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
