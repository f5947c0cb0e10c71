package dev.aap.agent.files;

/** A path the model gave that points outside the project or into git's own files; its message says which. */
public final class PathRefused extends RuntimeException {

    PathRefused(String message) {
        super(message);
    }
}
