package dev.capstan.git.bench;

import dev.capstan.git.testing.GitCli;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's upstream: 20,000 files in 400 chart folders of 50 files, and 10,000 commits, made
 * with {@code git fast-import} (seconds, not minutes) and kept in a cache directory outside the
 * project so later runs reuse it. {@link #addCommit} appends one commit the same way.
 */
final class BenchRepository {
  static final int CHARTS = 400;
  static final int FILES_PER_CHART = 50;
  static final int COMMITS = 10_000;
  private static final String LAYOUT = "v1-" + CHARTS + "x" + FILES_PER_CHART + "-" + COMMITS;

  private final Path bare;
  private long clock = 1_700_000_000L;
  private int extra;

  private BenchRepository(Path bare) {
    this.bare = bare;
  }

  static BenchRepository openOrGenerate(Path cacheDir) throws IOException, InterruptedException {
    Path base = cacheDir.resolve(LAYOUT);
    Path bare = base.resolve("upstream.git");
    BenchRepository repo = new BenchRepository(bare);
    if (Files.exists(base.resolve("complete"))) {
      return repo;
    }
    Path tmp = cacheDir.resolve(LAYOUT + ".tmp");
    GitCli.run(cacheDir, "init", "-q", "--bare", tmp.resolve("upstream.git").toString());
    new BenchRepository(tmp.resolve("upstream.git")).generate();
    GitCli.run(tmp.resolve("upstream.git"), "repack", "-q", "-a", "-d");
    Files.writeString(tmp.resolve("complete"), "");
    Files.move(tmp, base);
    return repo;
  }

  Path bare() {
    return bare;
  }

  static String chartFolder(int chart) {
    return String.format("charts/chart-%03d", chart);
  }

  private void generate() throws IOException, InterruptedException {
    fastImport(out -> {
      StringBuilder first = header("refs/heads/main", "initial layout", null);
      write(out, first);
      for (int c = 0; c < CHARTS; c++) {
        for (int f = 0; f < FILES_PER_CHART; f++) {
          inline(out, chartFolder(c) + String.format("/templates/file-%02d.yaml", f), content(c, f, 0));
        }
      }
      for (int i = 1; i < COMMITS; i++) {
        write(out, header("refs/heads/main", "change " + i, null));
        int c = i % CHARTS;
        int f = (i / CHARTS) % FILES_PER_CHART;
        inline(out, chartFolder(c) + String.format("/templates/file-%02d.yaml", f), content(c, f, i));
      }
    });
  }

  /** Appends one commit touching one file to main; returns nothing, the fetchers find it. */
  void addCommit() throws IOException, InterruptedException {
    extra++;
    fastImport(out -> {
      write(out, header("refs/heads/main", "bench commit " + extra, "refs/heads/main^0"));
      inline(out, "charts/chart-000/templates/file-00.yaml", content(0, 0, COMMITS + extra));
    });
  }

  private StringBuilder header(String ref, String message, String from) {
    clock++;
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder()
        .append("commit ").append(ref).append('\n')
        .append("committer Bench <bench@example.com> ").append(clock).append(" +0000\n")
        .append("data ").append(msg.length).append('\n').append(message).append('\n');
    if (from != null) {
      b.append("from ").append(from).append('\n');
    }
    return b;
  }

  private static String content(int chart, int file, int revision) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chart-" + chart + "-file-" + file
        + "\ndata:\n  revision: \"" + revision + "\"\n  padding: \"" + "x".repeat(120) + "\"\n";
  }

  private static void inline(OutputStream out, String path, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    out.write(("M 100644 inline " + path + "\ndata " + data.length + "\n").getBytes(StandardCharsets.UTF_8));
    out.write(data);
    out.write('\n');
  }

  private static void write(OutputStream out, CharSequence s) throws IOException {
    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  private interface Script {
    void writeTo(OutputStream out) throws IOException;
  }

  private void fastImport(Script script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("git", "fast-import", "--quiet")
        .directory(bare.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
      script.writeTo(out);
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("git fast-import failed in " + bare);
    }
  }
}
