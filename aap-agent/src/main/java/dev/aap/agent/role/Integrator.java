package dev.aap.agent.role;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.tool.Observation;
import dev.aap.core.integrate.Narrative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the Conventional Commit message and the pull request's prose sections for a verified diff. */
public final class Integrator {

    static final List<String> SECTIONS = List.of("Purpose", "Changes", "Impact on performance and security",
            "Open items");

    private final ModelCaller caller;

    public Integrator(ModelCaller caller) {
        this.caller = caller;
    }

    /** The narrative with the critic's review in it; the commit message is kept only in Conventional form. */
    public Narrative describe(String issue, String diff, Critic.Review review) {
        String input = "Issue text:\n" + Observation.untrusted("issue", issue.isBlank() ? "(none)" : issue)
                + "\n\nThe verified diff:\n" + Observation.untrusted("diff", diff);
        var sections = new LinkedHashMap<String, String>();
        String commit = null;
        var answer = JsonRole.ask(caller, "integrator", Map.of(), input);
        if (answer.isPresent()) {
            JsonNode n = answer.get();
            String c = n.path("commit_message").asText("").strip();
            if (c.matches("(?s)(fix|feat|refactor|test|docs|perf|chore)(\\([\\w.-]+\\))?!?: .+")) {
                commit = c;
            }
            JsonNode s = n.path("sections");
            for (String h : SECTIONS) {
                String text = s.path(h).asText("").strip();
                if (!text.isEmpty()) {
                    sections.put(h, text);
                }
            }
        }
        return new Narrative(commit, sections, review == null ? null : review.verdict(),
                review == null ? List.of() : review.notes());
    }
}
