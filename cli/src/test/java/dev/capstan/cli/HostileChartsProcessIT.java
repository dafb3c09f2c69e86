package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #14: the real {@code bin/capstan render}, in a 256 MiB heap ({@code CAPSTAN_JAVA_OPTS=-Xmx256m}),
 * on hostile charts (fixtures under {@code src/test/resources/hostile/}): each ends with exit 1 and
 * one line naming the file and the limit it met, with no stack trace and nothing on stdout.
 */
class HostileChartsProcessIT {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "hostile");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "alias-bomb           | alias-bomb/values.yaml:4: | document contains excessive aliasing",
      "deep-values          | deep-values/values.yaml:   | nesting depth (1001) exceeds the maximum allowed (1000",
      "go-repeat            | go-repeat/templates/configmap.yaml: | (RenderLimits.maxOutputChars)",
      "go-until             | go-until/templates/configmap.yaml:  | (RenderLimits.maxOutputChars)",
      "go-include-recursion | go-include-recursion/templates/configmap.yaml: | nested deeper than 100 calls (RenderLimits.maxDepth)",
      "pebble-format-width  | pebble-format-width/templates/configmap.yaml:5: | (RenderLimits.maxOutputChars)",
      "pebble-tpl-recursion | pebble-tpl-recursion/templates/configmap.yaml:5: | tpl nested deeper than 100 calls (RenderLimits.maxDepth)"})
  void aHostileChartEndsInOneLineNamingTheFileAndTheLimit(String chart, String file, String limit) throws Exception {
    Run run = render(FIXTURES.resolve(chart).toString());

    assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertOneLineError(run, file, limit);
  }

  @Test
  void aValuesFileOfTwelveMegabytesIsRefusedBeforeItIsParsed(@TempDir Path tmp) throws Exception {
    Path values = Files.writeString(tmp.resolve("huge.yaml"), "a: \"" + "x".repeat(12_000_000) + "\"\n");

    Run run = render(FIXTURES.resolve("go-repeat").toString(), "-f", values.toString());
    assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
    assertOneLineError(run, values + ":", "values file of 12000006 characters exceeds the limit of 3145728 (ValuesYaml.MAX_DOCUMENT_CHARS)");
  }

  private static void assertOneLineError(Run run, String file, String limit) {
    List<String> lines = run.stderr().lines().toList();
    assertThat(lines).as(run.stderr()).hasSize(1);
    assertThat(lines.get(0)).startsWith("Error: " + file.strip()).contains(limit.strip())
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  record Run(int exit, String stdout, String stderr) {}

  private static Run render(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("..", "bin", "capstan").toString(), "render"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CAPSTAN_JAVA_OPTS", "-Xmx256m");
    builder.environment().put("CAPSTAN_NO_CDS", "1"); // no class-data training runs inside the test
    Process process = builder.start();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
    }
    return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
