/**
 * The Slurm executor of {@code run PIPELINE.yaml --executor slurm}: a pipeline's units (see
 * {@link io.deepreshape.cli.pipeline.WorkUnits}) become one sbatch job or job array per group of like units,
 * throttled with {@code %K}, chained with {@code --dependency=afterok}, the report last. Every job runs the
 * project's {@code bin/deepreshape run FILE --unit NAME} on the shared output folder. The jobs' ids are
 * recorded in the output folder ({@code slurm/jobs.json}), so re-running submits only what is neither done,
 * queued nor running, and {@code --status} and {@code --cancel} work from any machine that sees the folder.
 */
package io.deepreshape.cli.pipeline.slurm;
