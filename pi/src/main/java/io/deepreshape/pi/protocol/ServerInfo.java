package io.deepreshape.pi.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.graph.GraphJson;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecIo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the server announces before any work: the network's public shape (its spec, or an imported
 * network's graph as {@link GraphJson}), the number
 * format, and the input normalisation the model was trained with (so the client can prepare its
 * image). Neither weights nor anything secret.
 *
 * @param graph the network graph (public shape)
 * @param config ring and fractional bits
 * @param dataset the dataset the model was trained on, or null
 * @param mean per-channel normalisation mean, or null for none
 * @param std per-channel normalisation standard deviation, or null for none
 */
public record ServerInfo(NetworkGraph graph, QuantConfig config, String dataset, float[] mean,
    float[] std) {
  /**
   * The engine's wire protocol, announced by the server and repeated in the client's hello; raised
   * whenever a message changes, so that two versions of deepreshape refuse each other by name
   * instead of failing on a message. 2: three-halves garbling, the labels of the client's share by
   * OT on the garbler's offset, the server's mask labels as a seed, decoding bits packed. 3: the
   * garbling and OT hash permutes with AES decryption, and the PRG's counter block is big-endian
   * (standard CTR), so seeds expand differently. 4: several kernels in one product and one
   * returned ciphertext ({@link io.deepreshape.packing.ConvTiling#kernelsPerPoly}).
   */
  public static final int PROTOCOL = 4;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The announcement of a spec's network. */
  public ServerInfo(NetworkSpec spec, QuantConfig config, String dataset, float[] mean, float[] std) {
    this(NetworkGraph.of(spec), config, dataset, mean, std);
  }

  /** Serialises to UTF-8 JSON. */
  byte[] toBytes() {
    ObjectNode o = JSON.createObjectNode();
    o.put("protocol", PROTOCOL);
    if (graph.spec().isPresent()) {
      o.set("spec", SpecIo.toTree(graph.spec().get()));
    } else {
      o.set("graph", GraphJson.toTree(graph));
    }
    o.put("l", config.l());
    o.put("s", config.s());
    if (dataset != null) {
      o.put("dataset", dataset);
    }
    if (mean != null) {
      ArrayNode m = o.putArray("mean");
      ArrayNode s = o.putArray("std");
      for (int i = 0; i < mean.length; i++) {
        m.add(mean[i]);
        s.add(std[i]);
      }
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The one-line refusal of a peer speaking engine protocol {@code theirs}. */
  static String mismatch(String peer, int theirs) {
    return "engine protocol mismatch: the " + peer + " speaks protocol " + theirs + ", this side "
        + PROTOCOL + "; run the same deepreshape version on both sides";
  }

  /** Parses {@link #toBytes}; fails with a one-line protocol error. */
  static ServerInfo parse(byte[] bytes) {
    JsonNode o;
    try {
      o = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new ChannelException("protocol error: the server's network description is invalid: "
          + e.getMessage(), e);
    }
    int theirs = o != null && o.has("protocol") ? o.get("protocol").asInt(-1) : 1;
    if (theirs != PROTOCOL) {
      throw new ChannelException(mismatch("server", theirs));
    }
    try {
      NetworkGraph graph = o.has("graph") ? GraphJson.parse(o.get("graph"))
          : NetworkGraph.of(SpecIo.parse(o.get("spec").toString(), true));
      QuantConfig q = new QuantConfig(o.get("l").asInt(), o.get("s").asInt());
      String ds = o.hasNonNull("dataset") ? o.get("dataset").asText() : null;
      float[] mean = null;
      float[] std = null;
      if (o.has("mean")) {
        mean = floats(o.get("mean"));
        std = floats(o.get("std"));
      }
      return new ServerInfo(graph, q, ds, mean, std);
    } catch (RuntimeException e) {
      throw new ChannelException("protocol error: the server's network description is invalid: "
          + e.getMessage(), e);
    }
  }

  private static float[] floats(JsonNode a) {
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) a.get(i).asDouble();
    }
    return v;
  }
}
