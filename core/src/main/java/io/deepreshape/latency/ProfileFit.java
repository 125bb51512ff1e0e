package io.deepreshape.latency;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.error.UserInputException;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Fits a profile's constants to end-to-end measurements of the engine on loopback (PI-ENGINE.md section
 * 4): each measured quantity is linear in the model's counts (MACs, ReLUs, and the ciphertexts and
 * polynomial products of the engine's packing), so every group of constants is a non-negative least-squares
 * fit of relative errors. The engine reports how much of the offline time went to HE: that part is fitted to
 * the HE counts (four terms: measure at least four networks of different shapes), the rest to ReLUs and a
 * constant set-up. Held-out measurements are kept
 * as calibration points but not fitted.
 */
public final class ProfileFit {
  /**
   * One {@code pi measure} measurement of a preset network; {@code offlineHeS} is the part of the offline time
   * spent on homomorphic linear layers, the rest being garbled circuits, OT and the session's set-up;
   * {@code onlineLinearS} the part of the online time the client waited for the server's linear layers in the
   * clear (0 when not measured, as in files written before it was).
   */
  public record Measurement(String preset, String dataset, double offlineS, double onlineS, double offlineHeS,
      double offlineBytesUp,
      double offlineBytesDown, double onlineBytesUp, double onlineBytesDown, double clientStorageBytes,
      boolean heldOut, double onlineLinearS) {

    /** A measurement without the online linear part. */
    public Measurement(String preset, String dataset, double offlineS, double onlineS, double offlineHeS,
        double offlineBytesUp, double offlineBytesDown, double onlineBytesUp, double onlineBytesDown,
        double clientStorageBytes, boolean heldOut) {
      this(preset, dataset, offlineS, onlineS, offlineHeS, offlineBytesUp, offlineBytesDown, onlineBytesUp,
          onlineBytesDown, clientStorageBytes, heldOut, 0);
    }

    LatencyModel.Counts counts() {
      NetworkCost cost = Accounting.of(Presets.build(preset, Dataset.parse(dataset)));
      return LatencyModel.counts(cost, cost.layers(), new LatencyModel.Fractions(REUSE_FRACTION, 0,
          TRUNCATION_FRACTION, Profile.OPTIONAL.get("maxpool_comparison_relu_fraction")), (int) Profile.DEFAULT_POLY_DEGREE);
    }

    String label() {
      return preset + "/" + dataset;
    }
  }

  /** The engine's reuse element runs the full ReLU circuit but the comparison (PI-ENGINE.md section 2). */
  static final double REUSE_FRACTION = 1.0;

  /**
   * A truncated element (WideResNet stem and block sums) costs the engine what a ReLU does but for its smaller
   * circuit: the same 37 OTs and input labels offline, the same labels, evaluation round and returned bits
   * online. The fitted per-ReLU constants are therefore charged in full; with the circuits' AND-gate ratio
   * (0.75) instead, the model missed wrn-16-2's measured online time by -19.7% (pi calibrate, 2026-12-01).
   */
  static final double TRUNCATION_FRACTION = 1.0;
  static final String TRUNCATION_SOURCE = "measured engine: a truncated element takes the same OTs, input labels,"
      + " online labels and round as a ReLU, only a smaller circuit (72 against 96 AND gates); charged as one ReLU,"
      + " which fits wrn-16-2 (the AND-gate ratio 0.75 missed its online time by -19.7%)";

  private ProfileFit() {}

  /**
   * Fits every constant from the measurements not held out (at least two networks that differ in their
   * ratio of MACs to ReLUs); {@code provenance} says when and where they were measured.
   */
  public static Profile fit(String name, String description, List<Measurement> measurements, String provenance) {
    return fit(name, description, measurements, provenance, 0, 0, "");
  }

  /**
   * As {@link #fit(String, String, List, String)} for an engine whose client keeps its garbled material in
   * a file above {@code clientMemoryLimitBytes} (0: always in memory); networks whose fitted storage (per
   * ReLU-equivalent, as the model predicts it) is above the limit fit the extra online cost per ReLU of
   * reading it back.
   */
  public static Profile fit(String name, String description, List<Measurement> measurements, String provenance,
      long clientMemoryLimitBytes) {
    return fit(name, description, measurements, provenance, clientMemoryLimitBytes, 0, "");
  }

  /**
   * As {@link #fit(String, String, List, String, long)}, with the engine's cost of an element whose ReLU
   * was culled as a fraction of a ReLU's ({@code culledFractionSource} says where it comes from; the
   * preset networks measured have no culled ReLUs, so it cannot be fitted from them).
   */
  public static Profile fit(String name, String description, List<Measurement> measurements, String provenance,
      long clientMemoryLimitBytes, double culledElementFraction, String culledFractionSource) {
    List<Measurement> fit = measurements.stream().filter(m -> !m.heldOut()).toList();
    if (fit.size() < 2) {
      throw new UserInputException("a profile fit needs at least two measured networks that are not held out, got "
          + fit.size());
    }
    List<LatencyModel.Counts> c = fit.stream().map(Measurement::counts).toList();
    String nets = String.join(", ", fit.stream().map(Measurement::label).toList());
    String how = "relative least-squares fit (coefficients >= 0) to pi measure on " + provenance + " over " + nets;

    // offline bytes: up = bi * input ciphertexts + u * ReLUs, down = bo * output ciphertexts + v * ReLUs
    List<double[]> rows = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    for (int i = 0; i < fit.size(); i++) {
      addRow(rows, rhs, new double[] {c.get(i).heInPolys(), c.get(i).reluEq(), 0, 0}, fit.get(i).offlineBytesUp());
      addRow(rows, rhs, new double[] {0, 0, c.get(i).heOutPolys(), c.get(i).reluEq()}, fit.get(i).offlineBytesDown());
    }
    double[] bytes = solve(rows, rhs);
    double[] he = terms(fit, c, Measurement::offlineHeS, LatencyModel.Counts::macs, LatencyModel.Counts::heProducts,
        LatencyModel.Counts::heInPolys, LatencyModel.Counts::heOutPolys);
    double storage = oneTerm(fit, c, Measurement::clientStorageBytes);
    List<double[]> gcRows = new ArrayList<>();
    List<Double> gcRhs = new ArrayList<>();
    List<double[]> onRows = new ArrayList<>();
    List<Double> onRhs = new ArrayList<>();
    // where the engine reported the wait for the server's online linear layers, MACs are fitted to that part
    // alone: on the whole online time the costs per ReLU and per MAC trade against each other
    boolean linearMeasured = fit.stream().allMatch(m -> m.onlineLinearS() > 0);
    for (int i = 0; i < fit.size(); i++) {
      // in a file when the model will say so (its predicted storage), not when the engine did, so that the
      // surcharges are fitted on the networks the model charges them to
      boolean file = clientMemoryLimitBytes > 0 && storage * c.get(i).reluEq() > clientMemoryLimitBytes;
      double fileRelus = file ? c.get(i).reluEq() : 0;
      addRow(gcRows, gcRhs, new double[] {c.get(i).reluEq(), fileRelus, 1},
          fit.get(i).offlineS() - fit.get(i).offlineHeS());
      if (linearMeasured) {
        addRow(onRows, onRhs, new double[] {c.get(i).reluEq(), 0, fileRelus, c.get(i).reluLayers()},
            fit.get(i).onlineS() - fit.get(i).onlineLinearS());
      } else {
        addRow(onRows, onRhs, new double[] {c.get(i).reluEq(), c.get(i).macs(), fileRelus, c.get(i).reluLayers()},
            fit.get(i).onlineS());
      }
    }
    double[] gc = solve(gcRows, gcRhs);
    double[] online = solve(onRows, onRhs);
    if (linearMeasured) {
      // the wait has a cost per step too (the last answers, the first labels): the model's cost per ReLU layer
      // is the sum of both fits' costs per layer
      double[] linear = terms(fit, c, Measurement::onlineLinearS, LatencyModel.Counts::macs,
          LatencyModel.Counts::reluLayers);
      online[1] = linear[0];
      online[3] += linear[1];
    }
    double onUp = oneTerm(fit, c, Measurement::onlineBytesUp);
    double onDown = oneTerm(fit, c, Measurement::onlineBytesDown);

    Map<String, Constant> k = new LinkedHashMap<>();
    k.put("he_poly_degree", new Constant(Profile.DEFAULT_POLY_DEGREE,
        "the engine's BFV ring degree (PI-ENGINE.md section 3); ciphertexts are counted with the engine's packing"
            + " (io.deepreshape.packing)"));
    k.put("he_offline_us_per_mac", new Constant(round(he[0] * 1e6), how
        + ": offline time of the HE layers = a x MACs + p x polynomial products + i x input ciphertexts"
        + " + o x output ciphertexts, a"));
    k.put("he_offline_us_per_product", new Constant(round(he[1] * 1e6), "same fit, p"));
    k.put("he_offline_us_per_input_poly", new Constant(round(he[2] * 1e6), "same fit, i"));
    k.put("he_offline_us_per_output_poly", new Constant(round(he[3] * 1e6), "same fit, o"));
    k.put("gc_offline_us_per_relu", new Constant(round(gc[0] * 1e6), how
        + ": the rest of the offline time (garbling, OT, set-up) = b x ReLUs + g x ReLUs of networks whose garbled"
        + " material is stored in a file + s, b"));
    k.put("offline_setup_s", new Constant(round(gc[2]), "same fit, s"));
    k.put("online_us_per_relu", new Constant(round(online[0] * 1e6), how
        + (linearMeasured ? ": online time less the wait for the server's linear layers = c x ReLUs + f x ReLUs"
            + " of networks whose garbled material is read back from a file + e x ReLU layers, c"
            : ": online = c x ReLUs + d x MACs + f x ReLUs of networks whose garbled material is read back from a file"
            + " + e x ReLU layers, c")));
    k.put("online_us_per_mac", new Constant(round(online[1] * 1e6), linearMeasured
        ? "the wait for the server's online linear layers = d x MACs + e' x ReLU layers, fitted alone, d"
        : "same fit, d"));
    k.put("online_ms_per_relu_layer", new Constant(round(online[3] * 1e3), linearMeasured
        ? "the two fits' costs per ReLU layer, e + e'" : "same fit, e"));
    if (clientMemoryLimitBytes > 0) {
      k.put("online_us_per_relu_from_file", new Constant(round(online[2] * 1e6), "same fit, f"));
      k.put("gc_offline_us_per_relu_from_file", new Constant(round(gc[1] * 1e6), "the offline fit, g"));
      k.put("client_memory_limit_bytes", new Constant(clientMemoryLimitBytes,
          "the engine's client keeps at most this much garbled material in memory, the rest in a file"));
    }
    k.put("reuse_element_relu_fraction", new Constant(REUSE_FRACTION,
        "derived from PI-ENGINE.md section 2: a reusing element still runs the adder, select and re-mask"));
    if (culledElementFraction > 0) {
      k.put("culled_element_relu_fraction", new Constant(round(culledElementFraction), culledFractionSource));
    }
    k.put("truncation_element_relu_fraction", new Constant(TRUNCATION_FRACTION, TRUNCATION_SOURCE));
    String pool = "maxpool_comparison_relu_fraction";
    k.put(pool, new Constant(round(Profile.OPTIONAL.get(pool)), Profile.DEFAULT_SOURCES.get(pool)));
    k.put("he_bytes_per_input_poly", new Constant(round(bytes[0]), how
        + ": offline bytes up = bi x input ciphertexts + u x ReLUs, down = bo x output ciphertexts + v x ReLUs, bi"));
    k.put("offline_bytes_up_per_relu", new Constant(round(bytes[1]), "same fit, u"));
    k.put("he_bytes_per_output_poly", new Constant(round(bytes[2]), "same fit, bo"));
    k.put("offline_bytes_down_per_relu", new Constant(round(bytes[3]), "same fit, v"));
    k.put("he_bytes_per_element", new Constant(0, "not used: this profile counts HE traffic per ciphertext"));
    k.put("online_bytes_down_per_relu", new Constant(round(onDown), how + ": online bytes down per ReLU"));
    k.put("online_bytes_up_per_relu", new Constant(round(onUp), how + ": online bytes up per ReLU"));
    k.put("client_storage_bytes_per_relu", new Constant(round(storage), how + ": client storage per ReLU"));

    List<CalibrationPoint> points = measurements.stream()
        .map(m -> new CalibrationPoint(m.preset(), m.dataset(), m.offlineS(), m.onlineS(),
            "pi measure, " + provenance + (m.heldOut() ? "; held out of the fit" : ""), m.heldOut()))
        .toList();
    return new Profile(name, description, "server", k, points);
  }

  @SafeVarargs
  private static double[] terms(List<Measurement> ms, List<LatencyModel.Counts> c, ToDoubleFunction<Measurement> y,
      ToDoubleFunction<LatencyModel.Counts>... columns) {
    List<double[]> rows = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      double[] a = new double[columns.length];
      for (int j = 0; j < columns.length; j++) {
        a[j] = columns[j].applyAsDouble(c.get(i));
      }
      addRow(rows, rhs, a, y.applyAsDouble(ms.get(i)));
    }
    return solve(rows, rhs);
  }

  private static double oneTerm(List<Measurement> ms, List<LatencyModel.Counts> c, ToDoubleFunction<Measurement> y) {
    List<double[]> rows = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      addRow(rows, rhs, new double[] {c.get(i).reluEq()}, y.applyAsDouble(ms.get(i)));
    }
    return solve(rows, rhs)[0];
  }

  /** Adds {@code a x = y} divided by {@code y}, so that the fit minimises relative errors. */
  private static void addRow(List<double[]> rows, List<Double> rhs, double[] a, double y) {
    if (!(y >= 0) || Double.isInfinite(y)) {
      throw new UserInputException("a measured value must be a number >= 0, was " + y);
    }
    if (y == 0) {
      rows.add(a.clone());
      rhs.add(0.0);
      return;
    }
    double[] r = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      r[j] = a[j] / y;
    }
    rows.add(r);
    rhs.add(1.0);
  }

  private static double[] solve(List<double[]> rows, List<Double> rhs) {
    return NonNegativeLeastSquares.solve(rows.toArray(double[][]::new), rhs.stream().mapToDouble(Double::doubleValue)
        .toArray());
  }

  /** Four significant digits: the measurements do not support more. */
  static double round(double v) {
    return v == 0 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
  }
}
