/** Commands that touch data and training: {@code dataset}, {@code train}, {@code eval} and {@code throughput train}. */
package io.deepreshape.cli.train;
