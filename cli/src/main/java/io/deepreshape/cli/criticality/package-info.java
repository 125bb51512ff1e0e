/**
 * {@code criticality}: the stages' ReLU criticality (DEEPRESHAPE.md section 4): {@code criticality show}
 * prints a criticality file's scores and order (or the published default order), {@code criticality
 * measure} trains the all-linear and stage-only networks as DeepReDuce does and writes the file.
 */
package io.deepreshape.cli.criticality;
