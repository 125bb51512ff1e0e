/** The {@code analyze}, {@code profile} and {@code bench} commands: a network's exact costs and estimated PI latency. */
package io.deepreshape.cli.analyze;
