package dev.aap.repair.validate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a project's tests against changed sources quickly, many times over: one implementation per language.
 * Implementations keep a long-lived worker and restart it when a candidate hangs or leaks threads.
 */
public interface CandidateValidator extends AutoCloseable {

    /**
     * Validates changed sources.
     *
     * @param changed   project-relative path to the full new text of that file
     * @param first     tests to run first (the ones failing at baseline); any failure stops validation
     * @param rest      the other tests, run only when all of {@code first} pass; stops at the first failure
     * @param timeout   wall time for this candidate; past it the worker is killed and restarted
     */
    Verdict validate(Map<String, String> changed, List<String> first, List<String> rest, Duration timeout);

    /**
     * Bounds how long any single test may run during {@link #validate}: a candidate that makes a test loop costs
     * this, not the project's own (often much longer) timeouts.
     */
    void setTestLimit(Duration limit);

    @Override
    void close();
}
