/** The one-line progress display of training, pipelines and the engine's benchmarks on a terminal. */
package io.deepreshape.train.progress;
