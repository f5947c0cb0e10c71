package dev.aap.cli;

import dev.aap.core.event.Event;
import dev.aap.core.event.EventListener;

import java.io.PrintWriter;

/** Prints a run's progress on stderr: steps, checks, and every so often candidates tried and their rate. */
final class ProgressPrinter implements EventListener {

    private final PrintWriter err;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private int candidates;
    private long lastPrint;
    private String best = "none yet";

    ProgressPrinter(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void onEvent(long seq, Event event) {
        switch (event) {
            case Event.RunStarted e -> say("run started: strategy " + e.strategy() + ", sandbox " + e.sandbox()
                    + ", base " + e.baseCommit().substring(0, Math.min(12, e.baseCommit().length())));
            case Event.RunResumed e -> say("resuming: " + String.join(", ", e.finishedSteps())
                    + " taken from checkpoints");
            case Event.StepStarted e -> say("step " + e.step() + " ...");
            case Event.StepFinished e -> say("step " + e.step() + " done in " + e.millis() + " ms"
                    + (e.summary() == null ? "" : ": " + e.summary()));
            case Event.ChecksRan e -> say("checks (" + e.label() + "): " + e.command() + " -> exit " + e.exitCode()
                    + ", " + e.tests() + " tests, " + e.failures() + " failing, " + e.millis() + " ms");
            case Event.Localized e -> say("localized " + e.lines() + " suspicious lines; top: "
                    + String.join(", ", e.top().stream().limit(3).toList()));
            case Event.CandidateValidated e -> candidate();
            case Event.PlausibleFound e -> {
                best = e.description() + " (" + e.file() + ":" + e.line() + ")";
                say("plausible #" + e.index() + " at " + e.atMillis() + " ms: " + best);
            }
            case Event.ModelCalled e -> say("model " + e.role() + " (" + e.model() + "): " + e.inputTokens()
                    + " in / " + e.outputTokens() + " out tokens, " + (e.cached() ? "cached" : e.millis() + " ms"));
            case Event.ToolCalled e -> say("step " + e.step() + ": " + e.tool() + " " + e.brief()
                    + (e.ok() ? "" : " -> refused/failed"));
            case Event.AgentStopped e -> say("agent stopped after " + e.steps() + " steps: " + e.stop() + " ("
                    + e.reason() + ")");
            case Event.PolicyDecided e -> say(e.allowed() ? "policy: passed"
                    : "policy: BLOCKED: " + String.join("; ", e.reasons()));
            case Event.CriticReviewed e -> say("critic: " + e.verdict() + (e.notes().isEmpty() ? ""
                    : ": " + String.join("; ", e.notes())));
            case Event.Integrated e -> say("branch " + e.branch() + " at " + e.commit().substring(0, 12));
            case Event.Warning e -> {
                err.println("aap: warning: " + e.message());
                err.flush();
            }
            case Event.RunFinished e -> say("finished: " + e.status() + " (exit " + e.exitCode() + "): "
                    + e.message());
        }
    }

    private void candidate() {
        candidates++;
        long now = System.nanoTime();
        if (now - lastPrint > 2_000_000_000L) {
            lastPrint = now;
            double secs = (now - start) / 1e9;
            say(String.format("candidates tried %d (%.1f/s), best so far: %s", candidates, candidates / secs, best));
        }
    }

    /** Prints one progress line (also for events that have no typed form, as a server may send). */
    void say(String line) {
        if (!quiet) {
            err.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, line);
            err.flush();
        }
    }
}
