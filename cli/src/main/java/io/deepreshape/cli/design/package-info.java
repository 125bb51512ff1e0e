/**
 * Commands for the DeepReShape design algorithms (DEEPRESHAPE.md sections 2, 4-6): {@code scale},
 * {@code equalize} (Algorithm 1), {@code hybrenet} and {@code design} (Algorithm 2), and the
 * {@code --criticality}/{@code --order} options they share.
 */
package io.deepreshape.cli.design;
