package dev.aap.agent.model;

/**
 * A model refused the prompt as longer than its context window. Retrying the same request or falling back cannot
 * help, so the gateway throws this at once and the caller sends less: the Coder's loop condenses its history, the
 * roles cut their inputs. It is not an {@link dev.aap.core.AapException} because it never ends a run.
 */
public final class ContextTooLongException extends RuntimeException {

    private final String model;
    private final int limitTokens;
    private final int promptTokens;

    /**
     * @param model        {@code provider:name} of the model that refused
     * @param limitTokens  the window the provider named, or -1 when its error did not say
     * @param promptTokens the prompt size the provider counted, or -1 when its error did not say
     * @param detail       the provider's own error message
     */
    public ContextTooLongException(String model, int limitTokens, int promptTokens, String detail) {
        super(model + " refused the prompt as too long for its context window: " + detail, null, false, false);
        this.model = model;
        this.limitTokens = limitTokens;
        this.promptTokens = promptTokens;
    }

    /** {@code provider:name} of the model that refused. */
    public String model() {
        return model;
    }

    /** The context window the provider stated, in tokens; -1 when unknown. */
    public int limitTokens() {
        return limitTokens;
    }

    /** The prompt's size as the provider counted it, in tokens; -1 when unknown. */
    public int promptTokens() {
        return promptTokens;
    }
}
