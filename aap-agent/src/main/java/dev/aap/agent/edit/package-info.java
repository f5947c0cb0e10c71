/**
 * The one apply pipeline for model edits: locate (symbol, line range or AST query) → dry run in memory → syntax
 * check of the edited file → policy → apply → size check → record. A refused edit comes back as text that says what
 * to do; nothing here trusts the model's paths, sizes or intent.
 */
package dev.aap.agent.edit;
