package dev.aap.core.run;

/** Where a run is in its life. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, NEEDS_HUMAN, CANCELLED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
