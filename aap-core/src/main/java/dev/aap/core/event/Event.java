package dev.aap.core.event;

import java.util.List;

/**
 * Something that happened in a run. Records carry only their facts; the {@link EventLog} adds sequence number, time
 * and run id, and writes the same JSON shape everywhere.
 */
public sealed interface Event {

    /** The {@code type} field in JSON. */
    default String type() {
        String n = getClass().getSimpleName();
        return n.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    record RunStarted(String repo, String baseCommit, String strategy, String sandbox, boolean dirtyTree)
            implements Event {
    }

    /**
     * A run goes on from its checkpoints (after a crash, a kill or a cancel); {@code finishedSteps} are taken from
     * them and each is then reported as {@code StepFinished} with a summary starting "resumed from checkpoint".
     */
    record RunResumed(List<String> finishedSteps) implements Event {

        public RunResumed {
            finishedSteps = List.copyOf(finishedSteps);
        }
    }

    record StepStarted(String step) implements Event {
    }

    record StepFinished(String step, long millis, String summary) implements Event {
    }

    record ChecksRan(String label, String command, int exitCode, int tests, int failures, long millis, String log)
            implements Event {
    }

    record Localized(int lines, List<String> top) implements Event {

        public Localized {
            top = List.copyOf(top);
        }
    }

    record CandidateValidated(int index, String file, int line, String operator, String description, String outcome,
                              long millis) implements Event {
    }

    record PlausibleFound(int index, String file, int line, String description, int changedLines, long atMillis)
            implements Event {
    }

    /** One model request answered (the llm brain); {@code role} is coder, spec_refiner, planner, critic, ... */
    record ModelCalled(String role, String model, int inputTokens, int outputTokens, long millis, boolean cached,
                       double costUsd, String requestSha256) implements Event {

        /** Without the request's digest ("" when not known). */
        public ModelCalled(String role, String model, int inputTokens, int outputTokens, long millis, boolean cached,
                           double costUsd) {
            this(role, model, inputTokens, outputTokens, millis, cached, costUsd, "");
        }
    }

    /** One tool call of the Coder and how it went. */
    record ToolCalled(int step, String tool, String brief, boolean ok, long millis, String diffSha256)
            implements Event {

        /** Without a diff digest: {@code diffSha256} is the workspace diff's SHA-256 after an edit, else "". */
        public ToolCalled(int step, String tool, String brief, boolean ok, long millis) {
            this(step, tool, brief, ok, millis, "");
        }
    }

    /** The Coder's loop ended; {@code stop} is the typed exit status (SUBMITTED, MAX_STEPS, STUCK, ...). */
    record AgentStopped(String stop, String reason, int steps) implements Event {
    }

    record PolicyDecided(boolean allowed, List<String> reasons, String patchSha256) implements Event {

        public PolicyDecided {
            reasons = List.copyOf(reasons);
        }

        /** Without the judged patch's digest (""). */
        public PolicyDecided(boolean allowed, List<String> reasons) {
            this(allowed, reasons, "");
        }
    }

    /** The llm brain's Critic on the final diff, recorded beside the policy decision (it does not block). */
    record CriticReviewed(String verdict, List<String> notes) implements Event {

        public CriticReviewed {
            notes = List.copyOf(notes);
        }
    }

    record Integrated(String branch, String commit) implements Event {
    }

    record Warning(String message) implements Event {
    }

    record RunFinished(String status, int exitCode, String message) implements Event {
    }
}
