package dev.aap.core.run;

import java.util.Locale;

/**
 * What kind of work a run is, decided from the baseline test run; it fixes which tests are the targets and what
 * counts as success.
 */
public enum TaskKind {

    /** Tests fail on the base commit: they (or the named targets) must pass, nothing that passed may break. */
    REPAIR,

    /**
     * All tests pass and an issue is given: new tests must reproduce the issue (fail on the base commit) and pass
     * with the change, three runs in a row, and nothing that passed may break.
     */
    ISSUE,

    /** Tests do not compile or cannot be collected because they use code that does not exist yet: make them pass. */
    TDD;

    /** The name used in run.json and {@code --json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
