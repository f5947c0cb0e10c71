package dev.aap.core;

/**
 * Root of every error aap raises on purpose; the subclass says whose fault it is and so what the caller should do.
 */
public abstract sealed class AapException extends RuntimeException
        permits BadInputException, EnvironmentException {

    protected AapException(String message) {
        super(message);
    }

    protected AapException(String message, Throwable cause) {
        super(message, cause);
    }
}
