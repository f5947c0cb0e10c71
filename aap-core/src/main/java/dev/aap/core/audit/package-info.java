/**
 * The audit trail: hash-chained, Ed25519-signed {@link dev.aap.core.audit.AuditRecord}s appended by
 * {@link dev.aap.core.audit.AuditLog} to an {@link dev.aap.core.audit.AuditStore} (day files under
 * {@code AAP_HOME/audit} here; the server's {@code audit} table in aap-server), the key pair in
 * {@link dev.aap.core.audit.AuditKeys},
 * and {@link dev.aap.core.audit.AuditVerifier}, which names the first record that was edited, removed, reordered or
 * inserted. Which events become records is decided by the pipeline, agent and server, not here.
 */
package dev.aap.core.audit;
