/** Commands that touch data and training: {@code dataset synth}, {@code train}, {@code eval}. */
package io.deepreshape.cli.train;
