package dev.aap.agent.role;

import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.tool.Observation;

import java.util.List;
import java.util.Map;

/** Turns the issue text into acceptance criteria and open questions before any code is read. */
public final class SpecRefiner {

    /** The refined task. */
    public record Spec(List<String> acceptanceCriteria, List<String> openQuestions) {

        public Spec {
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
            openQuestions = List.copyOf(openQuestions);
        }

        public static Spec empty() {
            return new Spec(List.of(), List.of());
        }
    }

    private final ModelCaller caller;

    public SpecRefiner(ModelCaller caller) {
        this.caller = caller;
    }

    public Spec refine(String issue, String failingSummary) {
        String input = "Issue text:\n" + Observation.untrusted("issue", issue.isBlank() ? "(no issue text given)"
                : issue) + "\n\nFailing tests at the start:\n" + Observation.untrusted("tests", failingSummary);
        return JsonRole.ask(caller, "spec_refiner", Map.of(), input)
                .map(n -> new Spec(JsonRole.strings(n, "acceptance_criteria"), JsonRole.strings(n, "open_questions")))
                .orElse(Spec.empty());
    }
}
