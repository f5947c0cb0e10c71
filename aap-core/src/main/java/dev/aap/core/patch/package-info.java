/**
 * Patches as data: a unified diff with its parsed stats and digest. Applying edits is the workspace's job.
 */
package dev.aap.core.patch;
