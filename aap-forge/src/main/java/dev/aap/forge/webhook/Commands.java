package dev.aap.forge.webhook;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /aap <command>} a comment starts with, on its first line. */
final class Commands {

    private static final Pattern COMMAND = Pattern.compile("^/aap\\s+([a-z]+)\\b", Pattern.CASE_INSENSITIVE);

    private Commands() {
    }

    /** The command word in lower case, or null when the comment does not start with one. */
    static String of(String body) {
        String first = body.lines().findFirst().orElse("").strip();
        Matcher m = COMMAND.matcher(first);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
