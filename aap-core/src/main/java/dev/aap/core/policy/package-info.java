/**
 * Guardrails: the {@link dev.aap.core.policy.Policy} (defaults plus {@code .aap/policy.yaml}) and its decisions, and
 * {@link dev.aap.core.policy.TestIntegrity}, which refuses changes that weaken existing tests, and
 * {@link dev.aap.core.policy.ForbiddenConstructs}, which finds dangerous calls a patch introduces. Secret scanning
 * does not live here.
 */
package dev.aap.core.policy;
