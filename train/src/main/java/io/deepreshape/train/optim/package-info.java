/**
 * Gradient optimizers and learning-rate schedules: SGD with momentum as the trainer uses it (state
 * saved in checkpoints), Adam as SNL's mask search uses it, and the cosine and step
 * schedules.
 */
package io.deepreshape.train.optim;
