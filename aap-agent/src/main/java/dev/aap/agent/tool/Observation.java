package dev.aap.agent.tool;

/**
 * A tool's result as the model reads it.
 *
 * @param text    what the model sees
 * @param ok      false when the call failed (bad arguments, refused edit, failing tests are still ok)
 * @param control what the loop must do besides showing the text
 */
public record Observation(String text, boolean ok, Control control) {

    private static final java.util.regex.Pattern CLOSE_TAG =
            java.util.regex.Pattern.compile("(?i)<(\\s*/\\s*untrusted)");

    /** Effects a tool result has on the loop. */
    public enum Control { NONE, EDITED, TESTED_GREEN, TESTED_RED, SUBMIT, STOP_NEEDS_HUMAN }

    static Observation ok(String text) {
        return new Observation(text, true, Control.NONE);
    }

    static Observation error(String text) {
        return new Observation(text, false, Control.NONE);
    }

    /** Wraps repository text so the model treats it as data, not instructions. */
    public static String untrusted(String source, String text) {
        String safe = CLOSE_TAG.matcher(text).replaceAll("&lt;$1"); // any letter case, spaces inside the tag
        return "<untrusted source=\"" + source.replace("\"", "'") + "\">\n" + safe
                + (safe.endsWith("\n") ? "" : "\n") + "</untrusted>";
    }
}
