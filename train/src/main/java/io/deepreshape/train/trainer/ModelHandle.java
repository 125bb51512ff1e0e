package io.deepreshape.train.trainer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.deepreshape.error.UserInputException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An initialised block with its own parameter manager on one device: forward passes, parameter
 * save/load (DJL's format, {@link Block#saveParameters}) and the trainable arrays by name.
 */
public final class ModelHandle implements AutoCloseable {
  private final Block block;
  private final NDManager manager;
  private ParameterStore store;

  private ModelHandle(Block block, NDManager manager) {
    this.block = block;
    this.manager = manager;
    this.store = new ParameterStore(manager, false);
  }

  /** Builds and initialises a block of {@code factory} on {@code device}, seeded by {@code seed}. */
  public static ModelHandle create(ModelFactory factory, Device device, long seed) {
    NDManager manager = Engine.getInstance().newBaseManager(device);
    try {
      Engine.getInstance().setRandomSeed(SeedMixer.intSeed(seed, -1));
      Block block = factory.build();
      block.initialize(manager, DataType.FLOAT32, factory.inputShape());
      return new ModelHandle(block, manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Builds a block and loads frozen parameters from {@code in} (for teachers and evaluation). */
  public static ModelHandle load(ModelFactory factory, Device device, InputStream in)
      throws IOException {
    ModelHandle handle = create(factory, device, 0);
    try {
      handle.loadParameters(in);
      handle.block.freezeParameters(true);
      return handle;
    } catch (IOException | RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  public Block block() {
    return block;
  }

  public NDManager manager() {
    return manager;
  }

  /** Logits for {@code input}; results belong to the input's manager. */
  public NDArray forward(NDArray input, boolean training) {
    NDList out = block.forward(store, new NDList(input), training);
    return out.singletonOrThrow();
  }

  /** Trainable (gradient-requiring) parameter arrays by hierarchical name, in block order. */
  public Map<String, NDArray> trainableArrays() {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        arrays.put(p.getKey(), p.getValue().getArray());
      }
    }
    return Collections.unmodifiableMap(arrays);
  }

  /**
   * Arrays the forward pass updates without gradients (batch-norm running mean and variance), by
   * hierarchical name, in block order.
   */
  public Map<String, NDArray> statisticArrays() {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (!p.getValue().requiresGradient() && p.getValue().isInitialized()) {
        arrays.put(p.getKey(), p.getValue().getArray());
      }
    }
    return Collections.unmodifiableMap(arrays);
  }

  /** Writes all parameters (including batch-norm running statistics) in DJL's block format. */
  public void saveParameters(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    block.saveParameters(data);
    data.flush();
  }

  /** Replaces all parameters by those read from {@code in}, keeping gradients where required. */
  public void loadParameters(InputStream in) throws IOException {
    List<NDArray> previous = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      previous.add(p.getValue().getArray());
    }
    try {
      block.loadParameters(manager, new DataInputStream(in));
    } catch (MalformedModelException e) {
      throw new IOException("malformed model parameters: " + e.getMessage(), e);
    }
    checkShapes(previous);
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter parameter = p.getValue();
      if (parameter.requiresGradient()) {
        parameter.getArray().setRequiresGradient(true);
      }
    }
    for (NDArray array : previous) {
      if (array != null) {
        array.close();
      }
    }
    store = new ParameterStore(manager, false);
  }

  /**
   * Loads a parameters file (a run's final.params) into a new frozen model; every failure is a
   * {@link UserInputException} naming the file: missing, truncated or corrupt, or of another network.
   */
  public static ModelHandle load(ModelFactory factory, Device device, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + " does not exist");
    } catch (IOException e) {
      throw new UserInputException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      return load(factory, device, new ByteArrayInputStream(bytes));
    } catch (ShapeMismatchException e) {
      throw new UserInputException(file + " holds the parameters of another network: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new UserInputException(file + " is truncated, corrupt or of another network (" + reason(e)
          + "); train the run again or restore the file", e);
    }
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** Fails when a loaded array's shape differs from the one the block was built with. */
  private void checkShapes(List<NDArray> built) {
    int i = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray before = i < built.size() ? built.get(i) : null;
      i++;
      NDArray after = p.getValue().getArray();
      if (before != null && after != null && !before.getShape().equals(after.getShape())) {
        throw new ShapeMismatchException("parameter " + p.getKey() + " has shape " + after.getShape()
            + ", the network expects " + before.getShape());
      }
    }
  }

  /** Loaded parameters do not have the shapes of the model's network. */
  public static final class ShapeMismatchException extends UserInputException {
    private static final long serialVersionUID = 1L;

    ShapeMismatchException(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
