/**
 * The run pipeline (prepare, localize, code and test, review, integrate) and the
 * {@link dev.aap.core.pipeline.PatchStrategy} SPI its brains implement.
 */
package dev.aap.core.pipeline;
