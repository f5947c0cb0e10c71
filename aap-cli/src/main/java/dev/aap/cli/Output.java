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
        if (r.branch() != null) {
            out.println("branch: " + r.branch() + " (commit " + r.commit() + ")");
        }
        out.printf("candidates: %d generated, %d validated (median %d ms); %.1f s; run dir: %s%n",
                r.candidates(), r.validated(), r.validationMsMedian(), r.seconds(), r.runDir());
        out.flush();
    }
}
