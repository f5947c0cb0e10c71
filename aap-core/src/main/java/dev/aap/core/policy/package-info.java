/**
 * Guardrails: the {@link dev.aap.core.policy.Policy} (defaults plus {@code .aap/policy.yaml}) and its decisions.
 */
package dev.aap.core.policy;
