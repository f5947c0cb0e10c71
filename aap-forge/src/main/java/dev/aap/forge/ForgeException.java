package dev.aap.forge;

/**
 * A forge refused or failed a call. The message is one line that says which call, what the forge answered and
 * what to do ("GitHub refused the token (401): check GITHUB_TOKEN"); it never contains a token.
 *
 * @see Forge
 */
public final class ForgeException extends RuntimeException {

    private final int status;

    public ForgeException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status the forge answered, or 0 when it was not reached. */
    public int status() {
        return status;
    }
}
