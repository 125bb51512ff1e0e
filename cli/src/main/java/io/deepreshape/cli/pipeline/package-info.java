/**
 * The DeepReShape pipeline: one declarative file takes a baseline and a dataset through criticality,
 * ReLU-equalization, the HybReNet family and the design's candidates, then applies every ReLU
 * optimization to every input network under one fair protocol (equal epochs from random
 * initialisation, one teacher rule, every choice on a validation split, several seeds, latency measured
 * on the engine), to a report. The work splits into units ({@link io.deepreshape.cli.pipeline.WorkUnits})
 * that leave their results on disk and are skipped when those exist, so an interrupted pipeline
 * continues, locally or as Slurm jobs.
 */
package io.deepreshape.cli.pipeline;
