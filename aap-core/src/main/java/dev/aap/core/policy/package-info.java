/**
 * Guardrails: the {@link dev.aap.core.policy.Policy} (defaults plus {@code .aap/policy.yaml}) and its decisions, and
 * {@link dev.aap.core.policy.TestIntegrity}, which refuses changes that weaken existing tests. Secret scanning and
 * forbidden constructs do not live here yet.
 */
package dev.aap.core.policy;
