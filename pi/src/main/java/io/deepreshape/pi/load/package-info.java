/**
 * Load measurement of the engine's server: {@link io.deepreshape.pi.load.LoadTest} serves many clients at
 * once and prints sessions per minute and peak memory. The building blocks' rates are JMH benchmarks in the
 * {@code bench} module.
 */
package io.deepreshape.pi.load;
