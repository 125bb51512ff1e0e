package io.deepreshape.train.optimize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.spec.NetworkSpec;

/**
 * What an {@code optimize} run decided before fine-tuning: the method, the budget, the criticality
 * order used (and where it came from), a one-line description of the reduction, the reduced spec and
 * its ReLU count, and method-specific details (SNL: the mask search's lambda, steps and live count).
 * Persisted as {@value PlanFile#NAME} in the run directory, so a resumed run never plans again. The spec
 * is null for an imported network's plan (its reduced graph is the run's {@code graph.json}).
 */
public record OptimizationPlan(Method method, String teacherRun, long budget, String order, String orderSource,
    String description, NetworkSpec spec, long relus, ObjectNode details) {}
