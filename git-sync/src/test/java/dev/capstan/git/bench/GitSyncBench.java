package dev.capstan.git.bench;

import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.FetchOptions;
import dev.capstan.git.fetch.FetchResult;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.fetch.RevisionMove;
import dev.capstan.git.fetch.WireProtocol;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.FolderSnapshot;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.GitCli;
import dev.capstan.git.testing.GitDaemon;
import dev.capstan.git.testing.HttpGitServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The git-sync benchmark: Capstan's fetcher next to the git command line on the same generated
 * repository, served by {@code git daemon} on loopback. A harness rather than JMH because every
 * operation is dominated by I/O and process or network round trips, and the git side can only be
 * timed as a process anyway. See docs/performance.md for the command and the last results.
 *
 * <p>Arguments: {@code <cache dir for the generated repository> <work dir>}.
 */
public final class GitSyncBench {
  private final Path work;
  private final BenchRepository upstream;
  private final GitDaemon daemon;
  private final String url;
  private final List<String> rows = new ArrayList<>();

  private GitSyncBench(Path work, BenchRepository upstream, GitDaemon daemon) {
    this.work = work;
    this.upstream = upstream;
    this.daemon = daemon;
    this.url = daemon.url(upstream.bare().getParent().relativize(upstream.bare()).toString());
  }

  public static void main(String[] args) throws Exception {
    Path cacheDir = Files.createDirectories(Path.of(args.length > 0 ? args[0]
        : System.getProperty("user.home") + "/.cache/capstan-bench/git-sync"));
    Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/git-sync-bench"));
    clean(work);
    long t0 = System.nanoTime();
    BenchRepository upstream = BenchRepository.openOrGenerate(cacheDir);
    System.out.printf(Locale.ROOT, "repository ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, upstream.bare());
    try (GitDaemon daemon = GitDaemon.start(upstream.bare().getParent())) {
      new GitSyncBench(work, upstream, daemon).run();
    }
  }

  private void run() throws Exception {
    firstShallowFetch();
    try (RepositoryCache cache = RepositoryCache.open(work.resolve("capstan-cache"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());
      GitSource main = GitSource.of(url, "main");
      fetcher.fetch(main).revisionOrThrow();
      Path gitClone = work.resolve("git-clone.git");
      GitCli.run(work, "clone", "-q", "--bare", "--depth", "1", url, gitClone.toString());
      incrementalFetch(fetcher, main, gitClone);
      noChangeCheck(fetcher, main, gitClone);
      noChangeCheckV2(main);
      readFolder(cache, fetcher, main, gitClone);
      noChangeOverHttp();
      memory(fetcher, main);
    }
    System.out.println();
    System.out.println("| operation | Capstan (JGit) median | p90 | git CLI median | p90 |");
    System.out.println("|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private void firstShallowFetch() throws Exception {
    Timings capstan = new Timings();
    Timings git = new Timings();
    for (int i = 0; i < 6; i++) {
      Path dir = work.resolve("first-" + i);
      try (RepositoryCache cache = RepositoryCache.open(dir)) {
        Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());
        long start = System.nanoTime();
        fetcher.fetch(GitSource.of(url, "main")).revisionOrThrow();
        capstan.add(i, start);
      }
      long start = System.nanoTime();
      GitCli.run(work, "clone", "-q", "--bare", "--depth", "1", url, work.resolve("first-git-" + i).toString());
      git.add(i, start);
    }
    row("first shallow fetch (depth 1, 20,000 files)", capstan, git, "`git clone --bare --depth 1`");
  }

  private void incrementalFetch(Fetcher fetcher, GitSource main, Path gitClone) throws Exception {
    Timings capstan = new Timings();
    Timings git = new Timings();
    for (int i = 0; i < 12; i++) {
      upstream.addCommit();
      long start = System.nanoTime();
      FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(main);
      capstan.add(i, start);
      check(ok.change() == RevisionMove.FAST_FORWARD, "expected a fast-forward, got " + ok.change());
      start = System.nanoTime();
      GitCli.run(gitClone, "fetch", "-q", "origin", "+refs/heads/main:refs/heads/main");
      git.add(i, start);
    }
    row("fetch of one new commit", capstan, git, "`git fetch` in the shallow clone");
  }

  private void noChangeCheck(Fetcher fetcher, GitSource main, Path gitClone) {
    Timings capstan = new Timings();
    long cpuStart = 0;
    for (int i = 0; i < 300; i++) {
      if (i == 50) {
        cpuStart = processCpuNanos();
      }
      long start = System.nanoTime();
      FetchResult.Success ok = (FetchResult.Success) fetcher.fetch(main);
      capstan.add(i - 50, start);
      check(ok.change() == RevisionMove.UNCHANGED, "expected no change");
    }
    double cpuPerCheck = (processCpuNanos() - cpuStart) / 250.0;
    rows.add(String.format(Locale.ROOT, "| no-change check (git://, protocol v0): Capstan CPU per check, all threads | %s | | | |",
        ms(cpuPerCheck)));
    Timings lsRemote = new Timings();
    Timings gitFetch = new Timings();
    for (int i = 0; i < 25; i++) {
      long start = System.nanoTime();
      GitCli.run(gitClone, "ls-remote", "origin", "refs/heads/main");
      lsRemote.add(i - 3, start);
      start = System.nanoTime();
      GitCli.run(gitClone, "fetch", "-q", "origin", "+refs/heads/main:refs/heads/main");
      gitFetch.add(i - 3, start);
    }
    row("no-change check (git://, protocol v0)", capstan, lsRemote, "`git ls-remote origin refs/heads/main`");
    row("no-change check (git://, protocol v0)", capstan, gitFetch, "`git fetch` with nothing new");
  }

  private void noChangeCheckV2(GitSource main) {
    try (RepositoryCache cache = RepositoryCache.open(work.resolve("capstan-cache-v2"))) {
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults().withProtocol(WireProtocol.V2));
      Timings capstan = new Timings();
      for (int i = 0; i < 300; i++) {
        long start = System.nanoTime();
        fetcher.fetch(main).revisionOrThrow();
        capstan.add(i - 50, start);
      }
      rows.add(String.format(Locale.ROOT, "| no-change check (git://, protocol v2: ls-refs with ref-prefix) | %s | %s | – | – |",
          ms(capstan.median()), ms(capstan.p90())));
    }
  }

  private void readFolder(RepositoryCache cache, Fetcher fetcher, GitSource main, Path gitClone) throws Exception {
    String sha = fetcher.fetch(main).revisionOrThrow().sha();
    var repo = cache.repository(main).repository();
    FolderReader reader = new FolderReader(ReadOptions.defaults());
    Timings capstan = new Timings();
    for (int i = 0; i < 300; i++) {
      String folder = BenchRepository.chartFolder(i % BenchRepository.CHARTS);
      long start = System.nanoTime();
      FolderSnapshot snapshot = reader.read(repo, ObjectId.fromString(sha), folder);
      int bytes = snapshot.readAll().values().stream().mapToInt(b -> b.length).sum();
      capstan.add(i - 50, start);
      check(snapshot.paths().size() == BenchRepository.FILES_PER_CHART && bytes > 0, "expected 50 files");
    }
    Timings git = new Timings();
    for (int i = 0; i < 25; i++) {
      String folder = BenchRepository.chartFolder(i % BenchRepository.CHARTS);
      long start = System.nanoTime();
      GitCli.run(gitClone, "archive", "--format=tar", "-o", work.resolve("folder.tar").toString(), sha + ":" + folder);
      git.add(i - 3, start);
    }
    row("read a 50-file chart folder at a commit", capstan, git, "`git archive <sha>:<folder>`");
  }

  private void noChangeOverHttp() throws Exception {
    try (HttpGitServer http = HttpGitServer.start(upstream.bare().getParent());
        RepositoryCache cache = RepositoryCache.open(work.resolve("http-cache"))) {
      Path creds = Files.createDirectories(work.resolve("http-creds"));
      Files.writeString(creds.resolve("username"), HttpGitServer.USER);
      Files.writeString(creds.resolve("password"), HttpGitServer.PASSWORD);
      Files.writeString(creds.resolve("url"), http.url(""));
      GitSource source = GitSource.of(http.url("upstream.git"), "main")
          .withCredentials(dev.capstan.git.auth.CredentialsRef.directory(creds));
      Fetcher fetcher = new Fetcher(cache, FetchOptions.defaults());
      fetcher.fetch(source).revisionOrThrow();
      Timings capstan = new Timings();
      long cpuStart = 0;
      for (int i = 0; i < 300; i++) {
        if (i == 50) {
          http.resetCounts();
          cpuStart = processCpuNanos();
        }
        long start = System.nanoTime();
        fetcher.fetch(source).revisionOrThrow();
        capstan.add(i - 50, start);
      }
      double perCheck = http.requests() / 250.0;
      double cpuPerCheck = (processCpuNanos() - cpuStart) / 250.0;
      rows.add(String.format(Locale.ROOT, "| no-change check (smart HTTP): CPU per check, client and Jetty server together | %s | | | |",
          ms(cpuPerCheck)));
      rows.add(String.format(Locale.ROOT, "| no-change check (smart HTTP + basic auth, %.2f HTTP requests per check) | %s | %s | – | – |",
          perCheck, ms(capstan.median()), ms(capstan.p90())));
    }
  }

  private void memory(Fetcher fetcher, GitSource main) {
    StringBuilder heap = new StringBuilder();
    for (int i = 1; i <= 10_000; i++) {
      fetcher.fetch(main);
      if (i == 1_000 || i == 5_000 || i == 10_000) {
        heap.append(i).append(" checks: ").append(usedHeapMb()).append(" MB; ");
      }
    }
    System.out.println("heap used after GC: " + heap);
    rows.add("| heap used after GC (no-change checks) | " + heap.toString().trim() + " | | | |");
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long usedHeapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  private void row(String what, Timings capstan, Timings git, String gitCommand) {
    String line = String.format(Locale.ROOT, "| %s | %s | %s | %s (%s) | %s |", what, ms(capstan.median()),
        ms(capstan.p90()), ms(git.median()), gitCommand, ms(git.p90()));
    System.out.println(line);
    rows.add(line);
  }

  private static String ms(double nanos) {
    return String.format(Locale.ROOT, nanos >= 1e8 ? "%.0f ms" : "%.1f ms", nanos / 1e6);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void clean(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
    }
  }

  /** Samples after warm-up (negative indexes are warm-up and dropped). */
  private static final class Timings {
    private final List<Long> samples = new ArrayList<>();

    void add(int index, long startNanos) {
      long elapsed = System.nanoTime() - startNanos;
      if (index > 0) {
        samples.add(elapsed);
      }
    }

    double median() {
      return percentile(0.5);
    }

    double p90() {
      return percentile(0.9);
    }

    private double percentile(double p) {
      List<Long> sorted = samples.stream().sorted().toList();
      return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
  }
}
