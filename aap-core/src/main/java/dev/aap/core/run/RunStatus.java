package dev.aap.core.run;

/** Where a run is in its life. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, NEEDS_HUMAN, CANCELLED,
    /** The issue leaves a question open that the change depends on; the run asked it and ended. */
    NEEDS_INPUT;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
