/**
 * Validating candidates: the {@link dev.aap.repair.validate.CandidateValidator} SPI and its
 * {@link dev.aap.repair.validate.Verdict}s. Language-specific workers live in {@code jvm} and {@code python}.
 */
package dev.aap.repair.validate;
