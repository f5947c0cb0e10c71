package dev.aap.agent.role;

import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.tool.Observation;

import java.util.List;
import java.util.Map;

/** Turns the issue text into acceptance criteria and open questions before any code is read. */
public final class SpecRefiner {

    /**
     * The refined task.
     *
     * @param openQuestions     what the issue leaves unclear but a sensible choice can settle
     * @param blockingQuestions what only the issue's author can settle: without an answer the change would be a
     *                          guess (the run asks them and waits)
     */
    public record Spec(List<String> acceptanceCriteria, List<String> openQuestions, List<String> blockingQuestions) {

        public Spec {
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
            openQuestions = List.copyOf(openQuestions);
            blockingQuestions = List.copyOf(blockingQuestions);
        }

        public Spec(List<String> acceptanceCriteria, List<String> openQuestions) {
            this(acceptanceCriteria, openQuestions, List.of());
        }

        public static Spec empty() {
            return new Spec(List.of(), List.of());
        }

        /** The same spec with the blocking questions treated as open ones (they were asked once already). */
        public Spec settled() {
            var all = new java.util.ArrayList<>(openQuestions);
            all.addAll(blockingQuestions);
            return new Spec(acceptanceCriteria, all, List.of());
        }
    }

    /** The heading under which answers to aap's questions are appended to the issue text. */
    public static final String ANSWERS = dev.aap.core.run.Task.ANSWERS;

    private final ModelCaller caller;

    public SpecRefiner(ModelCaller caller) {
        this.caller = caller;
    }

    public Spec refine(String issue, String failingSummary) {
        String input = "Issue text:\n" + Observation.untrusted("issue", issue.isBlank() ? "(no issue text given)"
                : issue) + "\n\nFailing tests at the start:\n" + Observation.untrusted("tests", failingSummary);
        return JsonRole.ask(caller, "spec_refiner", Map.of(), input)
                .map(n -> new Spec(JsonRole.strings(n, "acceptance_criteria"), JsonRole.strings(n, "open_questions"),
                        JsonRole.strings(n, "blocking_questions")))
                .orElse(Spec.empty());
    }
}
