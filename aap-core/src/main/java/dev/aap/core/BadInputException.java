package dev.aap.core;

/**
 * The user gave something aap cannot work with (a path, a flag, a repository); the message says what to change.
 */
public final class BadInputException extends AapException {

    public BadInputException(String message) {
        super(message);
    }
}
