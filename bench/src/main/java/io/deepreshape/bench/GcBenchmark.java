package io.deepreshape.bench;

import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.GarbledBatch;
import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.gc.GarblingScheme;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.prg.AesPrg;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Garbling and evaluating batches of 2,048 ReLU circuits (l = 37, s = 12), one thread, under each garbling
 * scheme (the engine's three-halves and half-gates; JMH forks a JVM per scheme, so the JIT sees one): the
 * score is ReLUs per second, the {@code andGates} counter AND gates per second.
 */
@State(Scope.Benchmark)
public class GcBenchmark extends BenchmarkDefaults {
  private static final int BATCH = 2048;

  @Param({"THREE_HALVES", "HALF_GATES"})
  public GarblingScheme scheme;

  private final Circuit relu = ReluCircuits.relu(37, 12);
  private Garbler garbler;
  private GcEvaluator evaluator;
  private GarbledBatch garbled;
  private long[] labels;

  /** AND gates done, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Gates {
    public long andGates;

    @Setup(Level.Iteration)
    public void clear() {
      andGates = 0;
    }
  }

  @Setup
  public void setUp() {
    garbler = new Garbler(AesPrg.fromSecureRandom(), scheme);
    evaluator = new GcEvaluator(scheme);
    garbled = garbler.garble(relu, BATCH, null);
    labels = garbler.encode(garbled, 0, relu.inputs(), new byte[relu.inputs() * BATCH]);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public GarbledBatch garble(Gates gates) {
    gates.andGates += (long) relu.andGates() * BATCH;
    return garbler.garble(relu, BATCH, null);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long[] evaluate(Gates gates) {
    gates.andGates += (long) relu.andGates() * BATCH;
    return evaluator.evaluate(relu, BATCH, garbled.tables(), labels, garbled.tweakBase());
  }
}
