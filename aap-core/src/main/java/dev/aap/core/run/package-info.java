/**
 * The run model: {@link dev.aap.core.run.Task}, {@link dev.aap.core.run.RunId}, statuses, usage, and the run
 * directory with its artifacts ({@link dev.aap.core.run.RunStore}).
 */
package dev.aap.core.run;
