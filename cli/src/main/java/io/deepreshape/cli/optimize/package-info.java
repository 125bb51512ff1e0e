/**
 * {@code optimize}: DeepReDuce culling and thinning, ReLU-reuse or SNL to a ReLU budget, fine-tuned with
 * distillation from a teacher run (DEEPRESHAPE.md sections 4 and 6).
 */
package io.deepreshape.cli.optimize;
