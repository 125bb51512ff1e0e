/**
 * Charts of DeepReShape designs (DEEPRESHAPE.md sections 5-6): the stage ReLU distribution as
 * stacked bars per network and ReLUs against FLOPs with the Pareto front. Static functions on plain
 * data records; PNG through JFreeChart, SVG written directly from the same data.
 */
package io.deepreshape.cli.plot;
