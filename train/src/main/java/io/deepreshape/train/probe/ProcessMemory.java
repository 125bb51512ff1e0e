package io.deepreshape.train.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size and used Java heap of this process, for memory-growth checks. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Resident set size in bytes from {@code /proc/self/status}, or -1 where unavailable. */
  public static long residentBytes() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.trim().split("\\s+");
          return Long.parseLong(parts[1]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Heap bytes in use after a garbage collection request. */
  public static long usedHeapBytes() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
