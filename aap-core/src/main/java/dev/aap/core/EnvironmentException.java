package dev.aap.core;

/**
 * The machine lacks something aap needs (a tool, a permission, disk); the message says what to install or fix.
 */
public final class EnvironmentException extends AapException {

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
