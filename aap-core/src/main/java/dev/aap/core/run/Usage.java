package dev.aap.core.run;

/**
 * What a run consumed.
 *
 * @param candidates         candidates generated and considered
 * @param validated          candidates that reached the test runner (compiled/parsed or not)
 * @param compiled           candidates that compiled and ran tests
 * @param validationMsMedian median wall time per validated candidate
 * @param wallMillis         the run's wall time so far
 */
public record Usage(int candidates, int validated, int compiled, long validationMsMedian, long wallMillis) {

    public static Usage none() {
        return new Usage(0, 0, 0, 0, 0);
    }
}
