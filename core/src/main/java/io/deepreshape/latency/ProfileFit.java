package io.deepreshape.latency;

import io.deepreshape.accounting.Accounting;
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
 * 4): each measured quantity is linear in the model's counts (MACs, ReLUs, HE elements), so every group
 * of constants is a non-negative least-squares fit of relative errors. Held-out measurements are kept
 * as calibration points but not fitted.
 */
public final class ProfileFit {
  /** One {@code pi bench} measurement of a preset network. */
  public record Measurement(String preset, String dataset, double offlineS, double onlineS, double offlineBytesUp,
      double offlineBytesDown, double onlineBytesUp, double onlineBytesDown, double clientStorageBytes,
      boolean heldOut) {

    LatencyModel.Counts counts() {
      return LatencyModel.counts(Accounting.of(Presets.build(preset, Dataset.parse(dataset))).layers(), REUSE_FRACTION);
    }

    String label() {
      return preset + "/" + dataset;
    }
  }

  /** The engine's reuse element runs the full ReLU circuit but the comparison (PI-ENGINE.md section 2). */
  static final double REUSE_FRACTION = 1.0;

  private ProfileFit() {}

  /**
   * Fits every constant from the measurements not held out (at least two networks that differ in their
   * ratio of MACs to ReLUs); {@code provenance} says when and where they were measured.
   */
  public static Profile fit(String name, String description, List<Measurement> measurements, String provenance) {
    List<Measurement> fit = measurements.stream().filter(m -> !m.heldOut()).toList();
    if (fit.size() < 2) {
      throw new IllegalArgumentException("a profile fit needs at least two measured networks that are not held out, got "
          + fit.size());
    }
    List<LatencyModel.Counts> c = fit.stream().map(Measurement::counts).toList();
    String nets = String.join(", ", fit.stream().map(Measurement::label).toList());
    String how = "relative least-squares fit (coefficients >= 0) to pi bench on " + provenance + " over " + nets;

    // offline bytes: up = h * HE inputs + u * ReLUs, down = h * HE outputs + d * ReLUs
    List<double[]> rows = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    for (int i = 0; i < fit.size(); i++) {
      addRow(rows, rhs, new double[] {c.get(i).heIn(), c.get(i).reluEq(), 0}, fit.get(i).offlineBytesUp());
      addRow(rows, rhs, new double[] {c.get(i).heOut(), 0, c.get(i).reluEq()}, fit.get(i).offlineBytesDown());
    }
    double[] bytes = solve(rows, rhs);
    double[] time = twoTerm(fit, c, Measurement::offlineS, LatencyModel.Counts::macs, LatencyModel.Counts::reluEq);
    double[] online = twoTerm(fit, c, Measurement::onlineS, LatencyModel.Counts::reluEq, LatencyModel.Counts::macs);
    double onUp = oneTerm(fit, c, Measurement::onlineBytesUp);
    double onDown = oneTerm(fit, c, Measurement::onlineBytesDown);
    double storage = oneTerm(fit, c, Measurement::clientStorageBytes);

    Map<String, Constant> k = new LinkedHashMap<>();
    k.put("he_offline_us_per_mac", new Constant(round(time[0] * 1e6), how + ": offline = a x MACs + b x ReLUs, a"));
    k.put("gc_offline_us_per_relu", new Constant(round(time[1] * 1e6), "same fit, b"));
    k.put("online_us_per_relu", new Constant(round(online[0] * 1e6), how + ": online = c x ReLUs + d x MACs, c"));
    k.put("online_us_per_mac", new Constant(round(online[1] * 1e6), "same fit, d"));
    k.put("reuse_element_relu_fraction", new Constant(REUSE_FRACTION,
        "derived from PI-ENGINE.md section 2: a reusing element still runs the adder, select and re-mask"));
    k.put("offline_bytes_down_per_relu", new Constant(round(bytes[2]), how
        + ": offline bytes up = h x HE inputs + u x ReLUs, down = h x HE outputs + v x ReLUs, v"));
    k.put("offline_bytes_up_per_relu", new Constant(round(bytes[1]), "same fit, u"));
    k.put("he_bytes_per_element", new Constant(round(bytes[0]), "same fit, h"));
    k.put("online_bytes_down_per_relu", new Constant(round(onDown), how + ": online bytes down per ReLU"));
    k.put("online_bytes_up_per_relu", new Constant(round(onUp), how + ": online bytes up per ReLU"));
    k.put("client_storage_bytes_per_relu", new Constant(round(storage), how + ": client storage per ReLU"));

    List<CalibrationPoint> points = measurements.stream()
        .map(m -> new CalibrationPoint(m.preset(), m.dataset(), m.offlineS(), m.onlineS(),
            "pi bench, " + provenance + (m.heldOut() ? "; held out of the fit" : ""), m.heldOut()))
        .toList();
    return new Profile(name, description, "server", k, points);
  }

  private static double[] twoTerm(List<Measurement> ms, List<LatencyModel.Counts> c, ToDoubleFunction<Measurement> y,
      ToDoubleFunction<LatencyModel.Counts> first, ToDoubleFunction<LatencyModel.Counts> second) {
    List<double[]> rows = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      addRow(rows, rhs, new double[] {first.applyAsDouble(c.get(i)), second.applyAsDouble(c.get(i))},
          y.applyAsDouble(ms.get(i)));
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
      throw new IllegalArgumentException("a measured value must be a number >= 0, was " + y);
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
