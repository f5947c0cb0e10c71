package dev.aap.server.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a client asked for in {@code POST /tasks}; stored as given, so a retry runs the same task.
 *
 * @param repo               a registered repository's name
 * @param baseRef            branch, tag or commit to start from; null: the repository's default branch
 * @param issue              the issue text (issue mode), or null
 * @param goal               a one-line goal, used as the issue when there is no issue text
 * @param targetTests        failing tests to fix; empty: every failing test
 * @param strategy           brain: auto, search, llm, hybrid (or a test strategy the server was started with)
 * @param budgetSeconds      wall time for the run; null: the strategy's default
 * @param constraints        free-form constraints handed to the brain, or null
 * @param origin             where the task came from when a forge event started it ({@code {forge, repository,
 *                           issue, requester, url}}), or null
 */
public record TaskSpec(String repo, String baseRef, String issue, String goal, List<String> acceptanceCriteria,
                       List<String> targetTests, String strategy, String model, Integer budgetSeconds,
                       JsonNode constraints, JsonNode origin) {

    public TaskSpec(String repo, String baseRef, String issue, String goal, List<String> acceptanceCriteria,
                    List<String> targetTests, String strategy, String model, Integer budgetSeconds,
                    JsonNode constraints) {
        this(repo, baseRef, issue, goal, acceptanceCriteria, targetTests, strategy, model, budgetSeconds, constraints,
                null);
    }

    public TaskSpec {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        targetTests = targetTests == null ? List.of() : List.copyOf(targetTests);
    }
}
