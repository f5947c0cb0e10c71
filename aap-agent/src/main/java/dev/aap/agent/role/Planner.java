package dev.aap.agent.role;

import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.tool.Observation;

import java.util.List;
import java.util.Map;

/** Orders the work into a few subtasks the Coder follows. */
public final class Planner {

    private final ModelCaller caller;

    public Planner(ModelCaller caller) {
        this.caller = caller;
    }

    /** Ordered subtasks; empty when the model gave none. */
    public List<String> plan(String issue, List<String> criteria, String context) {
        String input = "Issue text:\n" + Observation.untrusted("issue", issue.isBlank() ? "(none)" : issue)
                + "\n\nAcceptance criteria:\n" + (criteria.isEmpty() ? "(none)" : "- " + String.join("\n- ", criteria))
                + "\n\nCode that may be relevant:\n" + context;
        return JsonRole.ask(caller, "planner", Map.of(), input).map(n -> JsonRole.strings(n, "subtasks"))
                .orElse(List.of());
    }
}
