/**
 * Secret scanning and redaction: {@link dev.aap.core.secrets.SecretScanner} finds provider key formats, private key
 * blocks, JWTs and high-entropy values assigned to secret-like names; {@link dev.aap.core.secrets.Redactor} replaces
 * them with typed placeholders before text leaves for a model or a log. Deciding what a finding means for a patch
 * (block or warn) is the review step's job, from {@link dev.aap.core.secrets.SecretsConfig}.
 */
package dev.aap.core.secrets;
