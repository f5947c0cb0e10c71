package dev.aap.forge.flow;

import dev.aap.forge.Marks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one progress comment a run keeps on its issue: a line per step, ticked as steps finish, and the outcome at
 * the end. It is rendered whole each time and the comment is edited in place.
 */
final class Progress {

    private static final String[] STEPS = {"prepare", "code", "verify", "review", "integrate"};

    private final String runId;
    private final String runUrl;
    private final Map<String, String> done = new LinkedHashMap<>();
    private String current;

    Progress(String runId, String runUrl) {
        this.runId = runId;
        this.runUrl = runUrl;
    }

    void started(String step) {
        current = step;
    }

    void finished(String step, long ms, String summary) {
        done.put(step, summary == null || summary.isBlank() ? String.format("%.1f s", ms / 1000.0)
                : oneLine(summary) + String.format(" (%.1f s)", ms / 1000.0));
        if (step.equals(current)) {
            current = null;
        }
    }

    /** The comment: a headline, the steps, the outcome (null while running), the marker. */
    String render(String headline, String outcome) {
        var b = new StringBuilder();
        b.append(headline).append(" Run `").append(runId).append('`');
        if (runUrl != null) {
            b.append(" ([follow it live](").append(runUrl).append("))");
        }
        b.append(".\n\n");
        for (String s : STEPS) {
            if (done.containsKey(s)) {
                b.append("- [x] ").append(s).append(": ").append(done.get(s)).append('\n');
            } else {
                b.append("- [ ] ").append(s).append(s.equals(current) ? " (running)" : "").append('\n');
            }
        }
        if (outcome != null) {
            b.append('\n').append(outcome.strip()).append('\n');
        }
        return b.append('\n').append(Marks.COMMENT).toString();
    }

    private static String oneLine(String s) {
        String line = s.lines().findFirst().orElse("").replace('`', '\'');
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
