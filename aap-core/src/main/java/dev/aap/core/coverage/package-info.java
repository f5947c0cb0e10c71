/**
 * Diff coverage: which lines a patch adds or changes in non-test sources the verification's test run executed
 * (JaCoCo's agent for Java, a {@code sys.settrace} tracer for Python), and the policy threshold on that share. The
 * review reads it; this package runs no tests of its own and never fails a run (coverage becomes n/a with a reason).
 */
package dev.aap.core.coverage;
