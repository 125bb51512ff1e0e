/**
 * {@code pi serve}, {@code pi infer} and {@code pi bench}: the command line of the two-party
 * private-inference engine (PI-ENGINE.md section 4).
 */
package io.deepreshape.cli.pi;
