package dev.aap.core.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds private key blocks (PKCS#8, RSA, EC, DSA, OpenSSH, PGP, encrypted) as one span from the BEGIN line to the
 * END line, so redaction removes the whole key. A header alone, as PEM-parsing code writes it, is not a key: the
 * block must carry a base64 body.
 */
final class PrivateKeys {

    static final String RULE = "private-key";
    private static final String ANCHOR = "-----BEGIN";
    private static final Pattern HEADER = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern FOOTER = Pattern.compile("-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----");
    /** Larger than any PEM or armoured key; keeps a BEGIN from pairing with an END far away in a big file. */
    private static final int WINDOW = 64 * 1024;
    private static final int MIN_BODY = 40;

    private PrivateKeys() {
    }

    static void find(String text, List<Hit> out) {
        Matcher header = HEADER.matcher(text);
        Matcher footer = FOOTER.matcher(text);
        int at = text.indexOf(ANCHOR);
        while (at >= 0) {
            int next = at + ANCHOR.length();
            header.region(at, Math.min(text.length(), at + 80));
            if (header.lookingAt()) {
                int bodyStart = header.end();
                footer.region(bodyStart, Math.min(text.length(), bodyStart + WINDOW));
                int end = footer.find() && isBody(text.substring(bodyStart, footer.start()))
                        ? footer.end() : bodyWithoutFooter(text, bodyStart);
                if (end > 0) {
                    out.add(new Hit(RULE, at, end));
                    next = end;
                }
            }
            at = text.indexOf(ANCHOR, next);
        }
    }

    /** Base64 once line breaks (real or escaped), quotes, concatenation and "Proc-Type:"-style headers are gone. */
    static boolean isBody(String between) {
        int base64 = 0;
        int other = 0;
        for (String line : between.replace("\\n", "\n").replace("\\r", "\n").split("\n")) {
            if (line.contains(":")) {
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=') {
                    base64++;
                } else if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != ',' && c != ';') {
                    other++;
                }
            }
        }
        return base64 >= MIN_BODY && other * 20 <= base64;
    }

    /**
     * A block cut off before its END line (a truncated paste, a patch that adds only part): the header and the
     * base64 lines that follow it; -1 when nothing key-like follows.
     */
    private static int bodyWithoutFooter(String text, int bodyStart) {
        int lineEnd = text.indexOf('\n', bodyStart);
        int end = bodyStart;
        int limit = Math.min(text.length(), bodyStart + WINDOW);
        int from = lineEnd < 0 ? text.length() : lineEnd + 1;
        while (from < limit) {
            int stop = text.indexOf('\n', from);
            int to = stop < 0 ? text.length() : stop;
            if (!isBase64Line(text, from, to)) {
                break;
            }
            end = to;
            from = to + 1;
        }
        return end > bodyStart && isBody(text.substring(bodyStart, end)) ? end : -1;
    }

    private static boolean isBase64Line(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=') {
                count++;
            } else if (!Character.isWhitespace(c) && c != '"' && c != '\'') {
                return false;
            }
        }
        return count >= 4;
    }
}
