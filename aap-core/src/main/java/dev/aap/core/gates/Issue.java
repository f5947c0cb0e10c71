package dev.aap.core.gates;

import java.util.regex.Pattern;

/**
 * One finding a tool reported, as parsed from its output.
 *
 * @param tool    the tool's label
 * @param rule    the tool's rule or error code ({@code F401}, {@code arg-type}, {@code UnusedImports})
 * @param path    relative to the project directory
 * @param line    1-based, or 0
 * @param message the tool's text, without location and code
 */
record Issue(String tool, String rule, String path, int line, String message) {

    /** Line and column references inside messages ({@code defined on line 12}, {@code at 3:4}). */
    private static final Pattern POSITION = Pattern.compile("(?i)\\b(line|lines|column|col)\\s+\\d+|:\\d+(:\\d+)?\\b");

    /**
     * What makes two findings the same finding on base and branch: tool, rule, file and message, with positions
     * left out so that a finding that only moved is not new.
     */
    String key() {
        return tool + '\u0000' + rule + '\u0000' + path + '\u0000'
                + POSITION.matcher(message).replaceAll(m -> m.group(1) != null ? m.group(1) + " N" : ":N");
    }
}
