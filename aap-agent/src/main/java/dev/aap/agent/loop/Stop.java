package dev.aap.agent.loop;

/**
 * Why the tool loop ended: the typed exit status written to the trajectory.
 *
 * @param kind   what ended it
 * @param reason one line for humans
 */
public record Stop(Kind kind, String reason) {

    /** Every way the loop can end. */
    public enum Kind {
        SUBMITTED, MAX_STEPS, MAX_INPUT_TOKENS, MAX_OUTPUT_TOKENS, MAX_COST, WALL_TIME, STUCK, OVERSIZED_EDIT,
        TOO_MANY_ERRORS,
        /** Even the system prompt, the task and the latest observation do not fit the model's context window. */
        CONTEXT_TOO_LONG,
        /** The model failed for good (after retries and fallbacks) while the work was already green. */
        MODEL_FAILED;

        /** Guards after which a person should look rather than the run simply failing. */
        public boolean needsHuman() {
            return this == OVERSIZED_EDIT;
        }
    }
}
