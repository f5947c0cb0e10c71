package dev.aap.forge.flow;

/**
 * What a run did on the forge.
 *
 * @param summary     one line for the run's events and the terminal
 * @param pullRequest the pull (merge) request's address, or null
 * @param pushed      whether the branch was pushed
 */
public record ForgeResult(String summary, String pullRequest, boolean pushed) {
}
