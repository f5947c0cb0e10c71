package dev.aap.core.integrate;

import java.util.List;
import java.util.Map;

/**
 * What a strategy wrote about its patch (the llm brain's Integrator and Critic); the offline brain writes nothing.
 *
 * @param commitMessage  Conventional Commit message to use instead of the generated one, or null
 * @param sections       pull-request sections by heading (Purpose, Changes, Impact on performance and security,
 *                       Open items) replacing the generated text; Tests and Rollback always stay factual
 * @param criticVerdict  the critic's verdict ({@code approve} or {@code concerns}), or null without a critic
 * @param criticNotes    the critic's points
 */
public record Narrative(String commitMessage, Map<String, String> sections, String criticVerdict,
                        List<String> criticNotes) {

    public Narrative {
        sections = sections == null ? Map.of() : Map.copyOf(sections);
        criticNotes = criticNotes == null ? List.of() : List.copyOf(criticNotes);
    }

    public static Narrative none() {
        return new Narrative(null, Map.of(), null, List.of());
    }
}
