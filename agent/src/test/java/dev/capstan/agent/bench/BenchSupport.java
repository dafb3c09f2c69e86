package dev.capstan.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What the agent benchmarks share: waiting for a condition, and reading a process's memory from /proc. */
public final class BenchSupport {
  private BenchSupport() {}

  /** Waits, checking every {@code every}: often enough to time a push, rarely enough not to slow the agent it watches. */
  public static void await(Duration timeout, Duration every, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout);
      }
      Thread.sleep(every.toMillis());
    }
  }

  /**
   * A process's resident memory as the kernel counts it (peak VmHWM and current VmRSS), heap,
   * metaspace, code cache, thread stacks and native buffers included: what a container's memory
   * limit sees. {@code process} is a pid or {@code self}. Linux only.
   */
  public static String memory(String process) throws IOException {
    Map<String, String> status = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
      String[] kv = line.split(":\\s+", 2);
      if (kv.length == 2) {
        status.put(kv[0], kv[1].trim());
      }
    }
    return "VmHWM=" + status.get("VmHWM") + " VmRSS=" + status.get("VmRSS") + " threads=" + status.get("Threads");
  }
}
