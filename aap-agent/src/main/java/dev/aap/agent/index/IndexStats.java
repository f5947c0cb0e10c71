package dev.aap.agent.index;

/**
 * What one {@link CodeIndex#update()} did, for progress lines and benchmarks.
 *
 * @param files        files in the index after the update
 * @param chunks       chunks in the index after the update
 * @param changedFiles files (re-)indexed because they are new or their blob id changed
 * @param removedFiles files dropped because they are gone from the work tree
 * @param seconds      wall time of the update
 */
public record IndexStats(int files, int chunks, int changedFiles, int removedFiles, double seconds) {
}
