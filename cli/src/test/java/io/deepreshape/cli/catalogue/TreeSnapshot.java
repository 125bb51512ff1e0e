package io.deepreshape.cli.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Every file and folder under a root, with each file's size and CRC-32: equal snapshots mean nothing changed. */
final class TreeSnapshot {
  private TreeSnapshot() {}

  static Map<String, String> of(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.toList()) {
        String key = root.relativize(f).toString();
        if (Files.isDirectory(f)) {
          entries.put(key + "/", "dir");
        } else {
          byte[] bytes = Files.readAllBytes(f);
          CRC32 crc = new CRC32();
          crc.update(bytes);
          entries.put(key, bytes.length + ":" + Long.toHexString(crc.getValue()));
        }
      }
    }
    return entries;
  }
}
