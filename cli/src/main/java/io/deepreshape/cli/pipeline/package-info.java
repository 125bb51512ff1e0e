/**
 * The DeepReShape pipeline (issue: pipeline and report): one declarative file takes a baseline and a
 * dataset through criticality, ReLU-equalization, the HybReNet family, budget design, training with
 * distillation and the baseline ReLU-optimization methods, to a report. Every stage leaves its result
 * on disk and is skipped when that result exists, so an interrupted pipeline continues.
 */
package io.deepreshape.cli.pipeline;
