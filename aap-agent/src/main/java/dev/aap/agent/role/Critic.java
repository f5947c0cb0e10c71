package dev.aap.agent.role;

import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.tool.Observation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reviews the final diff for correctness risks, weakened tests and security; recorded beside the policy decision. */
public final class Critic {

    /** The verdict ({@code approve}, {@code concerns} or {@code reject}) and its points. */
    public record Review(String verdict, List<String> notes) {

        public Review {
            notes = List.copyOf(notes);
        }
    }

    private final ModelCaller caller;

    public Critic(ModelCaller caller) {
        this.caller = caller;
    }

    public Review review(String issue, String diff, String testSummary) {
        String input = "Issue text:\n" + Observation.untrusted("issue", issue.isBlank() ? "(none)" : issue)
                + "\n\nThe diff:\n" + Observation.untrusted("diff", diff) + "\n\nTests after the change:\n"
                + testSummary;
        return JsonRole.ask(caller, "critic", Map.of(), input).map(n -> {
            String v = n.path("verdict").asText("concerns").strip().toLowerCase(Locale.ROOT);
            String verdict = v.equals("approve") || v.equals("reject") ? v : "concerns";
            return new Review(verdict, JsonRole.strings(n, "notes"));
        }).orElse(new Review("concerns", List.of("the critic gave no usable review")));
    }
}
