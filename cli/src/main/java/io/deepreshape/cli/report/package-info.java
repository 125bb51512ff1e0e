/**
 * The pipeline's report: trained networks with their costs and accuracy, iso-ReLU and iso-accuracy
 * comparisons, and plots, written as a self-contained HTML page (images embedded) plus Markdown and CSV.
 */
package io.deepreshape.cli.report;
