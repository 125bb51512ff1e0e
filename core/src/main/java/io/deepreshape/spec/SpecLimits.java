package io.deepreshape.spec;

/**
 * The largest network a spec may describe. Each field has a range, every feature map (the output
 * of the stem and of each stage, channels x height x width) at most {@link #MAX_ELEMENTS} values (the
 * engine packs the last one into the classifier with {@code int} sizes), and the whole network a size
 * limit: a bound on its multiply-accumulates (every convolution counted as a 3x3 one between the
 * widest channels of its stage, at the stage's input resolution, four per block; the stem as 7x7)
 * must stay within {@link #MAX_MACS} = 2^60. Every count accounting derives (ReLUs, FLOPs, parameters,
 * activations, HE and GC operations) is at most a small multiple of the multiply-accumulates, so none
 * can overflow a {@code long}; and no spatial size or channel count comes near {@code int}'s range.
 * The limits are far above any network of the paper (ImageNet inputs are 224x224, WRN-28-10 is 640
 * wide, ResNet-1202 has 600 blocks, ResNet-50 needs 4e9 multiply-accumulates). {@link NetworkSpec},
 * its parts and the spec reader check them, naming the field.
 */
public final class SpecLimits {
  /** Largest input height and width, in pixels. */
  public static final int MAX_SIDE = 4096;
  /** Most input channels. */
  public static final int MAX_INPUT_CHANNELS = 1024;
  /** Most classes. */
  public static final int MAX_CLASSES = 100_000;
  /** Largest stage width and stem width (a bottleneck block outputs four times its stage width). */
  public static final int MAX_WIDTH = 1 << 20;
  /** Most blocks in one stage and in the whole network. */
  public static final int MAX_BLOCKS = 1024;
  /** Most stages. */
  public static final int MAX_STAGES = 16;
  /** Most values in one feature map of one image. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE;
  /** Most multiply-accumulates of the network's size bound. */
  public static final double MAX_MACS = 0x1p60;

  private SpecLimits() {}

  /** Fails with {@code "<path> must be between <min> and <max>, was <value>"} unless it is. */
  static void requireRange(long value, long min, long max, String path) {
    SpecException.require(value >= min && value <= max, path, "between " + min + " and " + max, value);
  }
}
