/**
 * Charts of DeepReShape designs (DEEPRESHAPE.md sections 5-6): the stage ReLU distribution as
 * stacked bars per network and ReLUs against FLOPs with the Pareto front. Static functions on plain
 * data records; one JFreeChart drawing, rendered to PNG or, through Batik's SVG Graphics2D, to SVG.
 */
package io.deepreshape.cli.plot;
