/**
 * The one apply pipeline for model edits: plan the change in memory (locate by old_text, symbol, line range or AST
 * query, or read the patch as a unified diff) → syntax check of the edited file → policy → apply → size check →
 * record. A refused edit comes back as text that says what to do; nothing here trusts the model's paths, sizes,
 * line numbers or intent. The applier also remembers what the current model turn changed and what the model last
 * saw, so line numbers from an outdated view are re-based or refused. Writing files other than through
 * {@link dev.aap.agent.files.ProjectFiles} does not belong here.
 */
package dev.aap.agent.edit;
