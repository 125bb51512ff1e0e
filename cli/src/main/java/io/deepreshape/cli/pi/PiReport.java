package io.deepreshape.cli.pi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.Table;
import io.deepreshape.pi.protocol.InferenceResult;
import io.deepreshape.pi.protocol.LayerStats;
import io.deepreshape.pi.protocol.WarmUp;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders an inference's per-step and total costs as a table or JSON (issue 9 field names). */
final class PiReport {
  private PiReport() {}

  /** Runs {@link WarmUp} in this process and says on {@code err} how long it took. */
  static void warmUp(PrintWriter err) {
    err.printf(Locale.ROOT, "warmed up in %.1f s (two inferences of %s, whole and prepared)%n", WarmUp.run(), WarmUp.NETWORK);
    err.flush();
  }

  /** The per-phase table: one row per step, then the total. */
  static String table(InferenceResult r) {
    Table t = new Table("step", "ReLUs", "AND gates", "OTs", "offline", "online", "offline up",
        "offline down", "online up", "online down", "client storage");
    for (LayerStats s : r.layers()) {
      row(t, s);
    }
    row(t, r.total());
    return t.render();
  }

  private static void row(Table t, LayerStats s) {
    t.row(s.name(), Format.count(s.relus()), Format.count(s.andGates()), Format.count(s.ots()),
        Format.seconds(s.offlineSeconds()), Format.seconds(s.onlineSeconds()),
        Format.bytes(s.offlineUp()), Format.bytes(s.offlineDown()), Format.bytes(s.onlineUp()),
        Format.bytes(s.onlineDown()), Format.bytes(s.clientStorageBytes()));
  }

  /** The per-step rows and the total as JSON fields of {@code o}. */
  static void json(ObjectNode o, InferenceResult r) {
    ArrayNode layers = o.putArray("layers");
    for (LayerStats s : r.layers()) {
      layers.add(stats(s));
    }
    o.set("total", stats(r.total()));
    o.put("predicted", r.predicted());
    ArrayNode logits = o.putArray("logits");
    for (double v : r.realLogits()) {
      logits.add(v);
    }
  }

  static ObjectNode stats(LayerStats s) {
    ObjectNode o = Json.object();
    o.put("name", s.name());
    o.put("offline_s", s.offlineSeconds());
    o.put("offline_he_s", s.offlineHeSeconds());
    o.put("online_s", s.onlineSeconds());
    o.put("online_linear_s", s.onlineLinearSeconds());
    o.put("bytes_offline", s.bytesOffline());
    o.put("bytes_online", s.bytesOnline());
    o.put("bytes_offline_client_to_server", s.offlineUp());
    o.put("bytes_offline_server_to_client", s.offlineDown());
    o.put("bytes_online_client_to_server", s.onlineUp());
    o.put("bytes_online_server_to_client", s.onlineDown());
    o.put("client_storage_bytes", s.clientStorageBytes());
    o.put("relus", s.relus());
    o.put("truncations", s.truncations());
    o.put("and_gates", s.andGates());
    o.put("ots", s.ots());
    o.put("macs", s.macs());
    return o;
  }
}
