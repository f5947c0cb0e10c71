package dev.aap.core.secrets;

/**
 * Cheap tests that tell a random-looking value (a key) from words, identifiers and digests of public data; used
 * only for values already assigned to a secret-like name.
 */
final class Randomness {

    /** Below this a mixed-alphabet value reads more like words than like a key (random base62 of 20 sits near 4.0). */
    static final double MIN_ENTROPY = 3.3;
    /** Hex can carry at most 4 bits a character, so a random 32-character hex secret sits near 3.6. */
    static final double MIN_HEX_ENTROPY = 3.0;
    /** Words and identifiers run in long letter segments; random text breaks into segments of one or two. */
    static final double MAX_MEAN_SEGMENT = 4.0;
    static final int MIN_LENGTH = 20;

    private Randomness() {
    }

    /** Whether {@code value} looks like a generated secret rather than a word, reference or plain digest. */
    static boolean looksRandom(String value) {
        if (value.length() < MIN_LENGTH) {
            return false;
        }
        int classes = (has(value, 'a', 'z') ? 1 : 0) + (has(value, 'A', 'Z') ? 1 : 0) + (has(value, '0', '9') ? 1 : 0);
        if (classes < 2) {
            return false;
        }
        if (isHex(value)) {
            // hex has no words to mistake, and its digit runs are long by chance
            return entropy(value) >= MIN_HEX_ENTROPY;
        }
        return meanSegment(value) <= MAX_MEAN_SEGMENT && entropy(value) >= MIN_ENTROPY;
    }

    /** Shannon entropy in bits per character over the value's own character frequencies. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        double n = s.length();
        for (int c : counts) {
            if (c > 0) {
                h -= c / n * (Math.log(c / n) / Math.log(2));
            }
        }
        if (other > 0) {
            h -= other / n * (Math.log(other / n) / Math.log(2));
        }
        return h;
    }

    /**
     * Mean length of the value's segments: runs of lower case after at most one capital, runs of capitals, runs of
     * digits; anything else separates. "ProjectName2024" gives 5.0, a random key about 1.5.
     */
    static double meanSegment(String s) {
        int segments = 0;
        int chars = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i + 1;
            if (isUpper(c)) {
                if (j < s.length() && isLower(s.charAt(j))) {
                    while (j < s.length() && isLower(s.charAt(j))) {
                        j++;
                    }
                } else {
                    while (j < s.length() && isUpper(s.charAt(j))
                            && !(j + 1 < s.length() && isLower(s.charAt(j + 1)))) {
                        j++;
                    }
                }
            } else if (isLower(c)) {
                while (j < s.length() && isLower(s.charAt(j))) {
                    j++;
                }
            } else if (isDigit(c)) {
                while (j < s.length() && isDigit(s.charAt(j))) {
                    j++;
                }
            } else {
                i = j;
                continue;
            }
            segments++;
            chars += j - i;
            i = j;
        }
        return segments == 0 ? 0 : (double) chars / segments;
    }

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDigit(c) && (c < 'a' || c > 'f') && (c < 'A' || c > 'F')) {
                return false;
            }
        }
        return true;
    }

    static boolean has(String s, char lo, char hi) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= lo && c <= hi) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
