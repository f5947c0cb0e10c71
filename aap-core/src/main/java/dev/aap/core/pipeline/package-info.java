/**
 * The run pipeline (prepare, localize, code and test, review, integrate), the
 * {@link dev.aap.core.pipeline.PatchStrategy} SPI its brains implement, and the
 * {@link dev.aap.core.pipeline.Checkpoints} each finished step records its output in, so that another process can
 * resume a run. Servers, leases and storage of checkpoints other than files live elsewhere.
 */
package dev.aap.core.pipeline;
