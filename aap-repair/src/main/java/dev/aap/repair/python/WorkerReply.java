package dev.aap.repair.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.repair.validate.Verdict;

/** Turns one answer line of the pytest worker into a {@link Verdict}. */
final class WorkerReply {

    private WorkerReply() {
    }

    static Verdict verdict(JsonNode answer, long millis) {
        String message = answer.path("message").asText("");
        return switch (answer.path("verdict").asText("")) {
            case "plausible" -> new Verdict.Plausible(answer.path("tests").asInt(), millis);
            case "compile" -> new Verdict.CompileError(message, millis);
            case "failed" -> new Verdict.TestFailed(answer.path("test").asText(""), message,
                    answer.path("timedOut").asBoolean(), millis);
            case "crashed" -> new Verdict.Crashed(message, millis);
            default -> new Verdict.Crashed("the pytest worker answered " + answer, millis);
        };
    }
}
