package io.deepreshape.train.trainer;

/** Derives well-spread per-step seeds from a run seed (SplitMix64 finaliser). */
public final class SeedMixer {
  private SeedMixer() {}

  public static long mix(long seed, long step) {
    long z = seed * 0x9E3779B97F4A7C15L + step + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A non-negative int seed for engines that take an int. */
  public static int intSeed(long seed, long step) {
    return (int) (mix(seed, step) >>> 33);
  }
}
