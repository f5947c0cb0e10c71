package dev.aap.repair.search;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many literals and names a patch brings that its file nowhere holds (code, comments or docs). Fixes mostly
 * reuse what the code already contains (the "redundancy assumption" of program repair: Martinez et al., ICSE 2014;
 * Barr et al., FSE 2014), so of two plausible patches that behave alike, the one that invents less is likelier the
 * intended one: {@code x >= 10} where the file speaks of 10, rather than {@code x > 9}.
 */
final class NovelTokens {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d+)?");

    private NovelTokens() {
    }

    /** Tokens on the lines {@code patched} changes that occur nowhere in {@code original}. */
    static int count(String original, String patched) {
        Set<String> known = tokens(original);
        int novel = 0;
        for (String line : LineDiff.middle(original, patched).changedAfter()) {
            for (String t : tokens(line)) {
                if (!known.contains(t)) {
                    novel++;
                }
            }
        }
        return novel;
    }

    private static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
