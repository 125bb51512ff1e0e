/**
 * Loading a trained run for private inference: the DJL parameters of {@code final.params} in the
 * layout's order, batch norms folded in inference mode (PI-ENGINE.md section 1), and the input
 * normalisation the run was trained with.
 */
package io.deepreshape.pi.model;
