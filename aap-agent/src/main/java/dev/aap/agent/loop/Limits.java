package dev.aap.agent.loop;

import java.time.Instant;

/**
 * The loop's budgets.
 *
 * @param maxSteps        model turns of the Coder
 * @param maxInputTokens  prompt tokens over the whole run
 * @param maxOutputTokens completion tokens over the whole run
 * @param maxCostUsd      dollars over the whole run (models with a known price only)
 * @param deadline        wall-clock end
 * @param maxChangedLines an edit that would make the workspace diff larger than this stops the run for a human
 * @param maxErrors       malformed or failing tool calls in a row before the run gives up
 */
public record Limits(int maxSteps, long maxInputTokens, long maxOutputTokens, double maxCostUsd, Instant deadline,
                     int maxChangedLines, int maxErrors) {
}
