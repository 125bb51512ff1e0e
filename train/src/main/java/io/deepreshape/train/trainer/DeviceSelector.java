package io.deepreshape.train.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Picks the training device: the first GPU when the engine reports one, otherwise the CPU. */
public final class DeviceSelector {
  private DeviceSelector() {}

  public static Device select() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
