/**
 * {@code pi serve}, {@code prepare}, {@code infer}, {@code measure} and {@code calibrate}: the command line of the two-party
 * private-inference engine (PI-ENGINE.md section 4).
 */
package io.deepreshape.cli.pi;
