/**
 * The network spec: immutable, validated records describing a ResNet-family network (input, stem,
 * stages, block type and the mode of every ReLU layer), their JSON/YAML form, and the named presets.
 * The spec is the single source of truth for accounting, cost models and the trainable model
 * (DEEPRESHAPE.md section 2).
 */
package io.deepreshape.spec;
