package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.aap.core.run.RunResult;

import java.io.PrintWriter;

/** The end-of-run summary: human text, or one JSON object with {@code --json}. */
final class Output {

    private static final ObjectMapper COMPACT = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Output() {
    }

    static void print(RunResult r, boolean json, PrintWriter out, PrintWriter err) {
        if (json) {
            try {
                out.println(COMPACT.writeValueAsString(r));
            } catch (Exception e) {
                throw new IllegalStateException("run results always serialize", e);
            }
            out.flush();
            return;
        }
        out.println(r.status() + ": " + r.message());
        if (r.patch() != null) {
            out.println();
            out.print(r.patch());
            out.println();
        }
        if (r.tests() != null) {
            var t = r.tests();
            out.printf("tests (%s): %d fail-to-pass%s, %d pass-to-pass%s%n", r.taskKind(), t.failToPass().size(),
                    t.newTests().isEmpty() ? "" : " of " + t.newTests().size() + " new",
                    t.passToPass().size(), t.preexistingFailures().isEmpty() ? ""
                            : ", " + t.preexistingFailures().size() + " pre-existing failure(s)");
        }
        if (r.branch() != null) {
            out.println("branch: " + r.branch() + " (commit " + r.commit() + ")");
        }
        if (!r.questions().isEmpty()) {
            out.println("questions (answer them under a line \"" + dev.aap.core.run.Task.ANSWERS
                    + "\" at the end of the issue text, then run again):");
            for (int i = 0; i < r.questions().size(); i++) {
                out.println("  " + (i + 1) + ". " + r.questions().get(i));
            }
        }
        if (r.critic() != null) {
            out.println("critic: " + r.critic().verdict() + (r.critic().notes().isEmpty() ? ""
                    : ": " + String.join("; ", r.critic().notes())));
        }
        var u = r.usage();
        if (u.modelCalls() > 0) {
            out.printf("model: %d calls, %d input / %d output tokens, $%.4f%s%n", u.modelCalls(), u.inputTokens(),
                    u.outputTokens(), u.costUsd(), u.priceKnown() ? "" : " (price unknown for some model: counted as 0)");
            out.printf("edits: %d applied, %d test runs; %.1f s; run dir: %s%n", r.candidates(), r.validated(),
                    r.seconds(), r.runDir());
        } else {
            out.printf("candidates: %d generated, %d validated (median %d ms); %.1f s; run dir: %s%n",
                    r.candidates(), r.validated(), r.validationMsMedian(), r.seconds(), r.runDir());
        }
        out.flush();
    }
}
