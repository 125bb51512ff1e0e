/**
 * The {@code analyze}, {@code profile} and {@code throughput} commands: a network's exact costs and
 * estimated PI latency, a latency profile, and the accounting's throughput.
 */
package io.deepreshape.cli.analyze;
