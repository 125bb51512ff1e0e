package io.deepreshape.pi.protocol;

import io.deepreshape.graph.GraphJson;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecIo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The network-shape hash both parties compare before any work: SHA-256 of the spec's canonical
 * JSON, or an imported graph's ({@link GraphJson}), its name left out (it does not change the shape),
 * and the number format.
 */
public final class ShapeHash {
  private ShapeHash() {}

  /** The 32-byte hash. */
  public static byte[] of(NetworkSpec spec, QuantConfig q) {
    return digest(SpecIo.toJson(spec.withName("network")) + "|l=" + q.l() + "|s=" + q.s());
  }

  /** The 32-byte hash of a graph: its spec's when it has one. */
  public static byte[] of(NetworkGraph graph, QuantConfig q) {
    if (graph.spec().isPresent()) {
      return of(graph.spec().get(), q);
    }
    return digest(GraphJson.toTree(graph).put("name", "network") + "|l=" + q.l() + "|s=" + q.s());
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The first 8 bytes in hex, for messages. */
  public static String shortHex(byte[] hash) {
    return HexFormat.of().formatHex(hash, 0, Math.min(8, hash.length));
  }
}
