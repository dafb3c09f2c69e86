package dev.capstan.chartrepo.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.chart.source.ChartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code Chart.lock} in Helm's layout (keys in alphabetical order, as Helm's YAML
 * encoder writes them: {@code dependencies} with name, repository, version; {@code digest};
 * {@code generated}).
 */
public final class ChartLockFile {
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private ChartLockFile() {}

  /** The lock in {@code chartDir}, if it has one. */
  public static Optional<ChartLock> read(Path chartDir) {
    Path file = chartDir.resolve("Chart.lock");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ChartException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    return Optional.of(parse(bytes, file.toString()));
  }

  /** Parses the bytes of a Chart.lock; {@code where} names it in errors. */
  public static ChartLock parse(byte[] bytes, String where) {
    JsonNode root;
    try {
      root = YAML.readTree(bytes);
    } catch (IOException e) {
      throw new ChartException(where, "invalid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ChartException(where, "not a Chart.lock (no dependencies map)");
    }
    List<ChartLock.Locked> locked = new ArrayList<>();
    for (JsonNode d : root.path("dependencies")) {
      String name = d.path("name").asText("");
      if (name.isEmpty()) {
        throw new ChartException(where, "a dependency has no name");
      }
      locked.add(new ChartLock.Locked(name, d.path("repository").asText(""), d.path("version").asText("")));
    }
    return new ChartLock(locked, root.path("digest").asText(""), root.path("generated").asText(""));
  }

  /** Writes {@code lock} to {@code chartDir/Chart.lock} (whole, through a temporary file). */
  public static void write(Path chartDir, ChartLock lock) {
    ObjectNode root = YAML.createObjectNode();
    ArrayNode deps = root.putArray("dependencies");
    for (ChartLock.Locked l : lock.dependencies()) {
      ObjectNode n = deps.addObject();
      n.put("name", l.name());
      n.put("repository", l.repository());
      n.put("version", l.version());
    }
    root.put("digest", lock.digest());
    root.put("generated", lock.generated());
    Path file = chartDir.resolve("Chart.lock");
    try {
      Path tmp = Files.createTempFile(chartDir, ".Chart.lock-", ".part");
      Files.write(tmp, YAML.writeValueAsBytes(root));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ChartException(file.toString(), "cannot write: " + e.getMessage(), e);
    }
  }
}
