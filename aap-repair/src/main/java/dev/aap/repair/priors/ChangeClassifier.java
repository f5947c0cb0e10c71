package dev.aap.repair.priors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the single-statement bug pattern a small change realises (ManySStuBs4J names for Java, TSSB-3M names for
 * Python) from a token diff of the removed and added lines: the tokens both sides share at the start and end are
 * dropped and the rest is compared.
 */
public final class ChangeClassifier {

    /** Not a SStuB pattern: a whole statement was added. Counted by {@code aap learn}, left out of the blend. */
    public static final String MISSING_STATEMENT = "Missing Statement";

    private static final Pattern TOKEN = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'"
            + "|[A-Za-z_$][A-Za-z0-9_$]*|\\d[\\w.]*|>>>=|<<=|>>=|>>>|\\*\\*=|//=|->|::|==|!=|<=|>=|&&|\\|\\||\\+\\+|--"
            + "|[-+*/%&|^]=|<<|>>|\\*\\*|//|\\S");
    private static final Set<String> BINARY = Set.of("+", "-", "*", "/", "%", "//", "**", "<", ">", "<=", ">=", "==",
            "!=", "&&", "||", "&", "|", "^", "<<", ">>", ">>>", "and", "or", "is", "in", "+=", "-=", "*=", "/=", "%=",
            "&=", "|=", "^=", "<<=", ">>=", "//=", "**=");
    private static final Set<String> UNARY = Set.of("!", "not", "-", "~", "++", "--");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "True", "False");
    private static final Set<String> MODIFIERS = Set.of("public", "private", "protected", "static", "final",
            "abstract", "synchronized", "volatile", "transient");
    private static final Set<String> CONDITIONS = Set.of("if", "while", "elif");

    private ChangeClassifier() {
    }

    /**
     * The pattern of replacing {@code before} lines with {@code after} lines, or empty when the change fits none
     * (or only touches layout or comments).
     *
     * @param language {@code java} or {@code python}
     */
    public static Optional<String> classify(String language, List<String> before, List<String> after) {
        boolean python = language.equals("python");
        List<String> b = tokens(before, python);
        List<String> a = tokens(after, python);
        if (b.isEmpty()) {
            return a.isEmpty() ? Optional.empty() : Optional.of(MISSING_STATEMENT);
        }
        int p = 0;
        while (p < b.size() && p < a.size() && b.get(p).equals(a.get(p))) {
            p++;
        }
        int s = 0;
        while (s < b.size() - p && s < a.size() - p && b.get(b.size() - 1 - s).equals(a.get(a.size() - 1 - s))) {
            s++;
        }
        var diff = new Diff(b.subList(0, p), b.subList(p, b.size() - s), a.subList(p, a.size() - s),
                a.subList(a.size() - s, a.size()));
        if (diff.removed().isEmpty() && diff.added().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(name(diff, python));
    }

    /** The shared prefix, the differing tokens of each side and the shared suffix. */
    private record Diff(List<String> prefix, List<String> removed, List<String> added, List<String> suffix) {
        String next() {
            return suffix.isEmpty() ? "" : suffix.get(0);
        }

        String previous() {
            return prefix.isEmpty() ? "" : prefix.get(prefix.size() - 1);
        }
    }

    private static String name(Diff d, boolean python) {
        if (d.removed().size() == 1 && d.added().size() == 1) {
            return oneToken(d, d.removed().get(0), d.added().get(0), python);
        }
        if (d.prefix().stream().anyMatch(CONDITIONS::contains)) {
            String clause = clause(d.added().isEmpty() ? d.removed() : d.added());
            if (clause != null && (d.added().isEmpty() || d.removed().isEmpty())) {
                boolean narrows = clause.equals("and") == d.removed().isEmpty();
                return narrows ? "More Specific If" : "Less Specific If";
            }
        }
        List<String> changed = d.removed().isEmpty() ? d.added() : d.removed();
        if ((d.removed().isEmpty() || d.added().isEmpty()) && changed.size() == 1 && UNARY.contains(changed.get(0))) {
            return "Change Unary Operator";
        }
        if (sameTokens(d.removed(), d.added()) && d.removed().contains(",")) {
            return "Same Function Swap Args";
        }
        if (insideCall(d.prefix()) && (d.removed().isEmpty() || d.added().isEmpty())
                && (changed.get(0).equals(",") || changed.get(changed.size() - 1).equals(","))) {
            return d.removed().isEmpty() ? "Same Function More Args" : "Same Function Less Args";
        }
        if (d.added().size() > d.removed().size() + 2 && isName(d.added().get(0)) && d.added().get(1).equals("(")
                && Collections.indexOfSubList(d.added(), d.removed()) > 1) {
            return "Add Function Around Expression";
        }
        return null;
    }

    private static String oneToken(Diff d, String x, String y, boolean python) {
        if (isNumber(x) && isNumber(y)) {
            return "Change Numeric Literal";
        }
        if (BOOLEANS.contains(x) && BOOLEANS.contains(y)) {
            return "Change Boolean Literal";
        }
        if (!python && MODIFIERS.contains(x) && MODIFIERS.contains(y)) {
            return "Change Modifier";
        }
        if (BINARY.contains(x) && BINARY.contains(y)) {
            return "Change Binary Operator";
        }
        if (UNARY.contains(x) && UNARY.contains(y)) {
            return "Change Unary Operator";
        }
        if (isName(x) && isName(y)) {
            if (d.next().equals("(")) {
                return "Wrong Function Name";
            }
            if (d.next().equals(".") && d.suffix().size() > 2 && d.suffix().get(2).equals("(")) {
                return python ? "Same Function Wrong Caller" : "Same Function Change Caller";
            }
            return python && d.previous().equals(".") ? "Change Attribute Used" : "Change Identifier Used";
        }
        if (BINARY.contains(d.previous()) || BINARY.contains(d.next())) {
            return python ? "Change Binary Operand" : "Change Operand";
        }
        return null;
    }

    /** {@code and} or {@code or} when the tokens are a clause joined at either end, else null. */
    private static String clause(List<String> ts) {
        if (ts.size() < 2) {
            return null;
        }
        String first = ts.get(0);
        String last = ts.get(ts.size() - 1);
        for (String joiner : List.of(first, last)) {
            if (joiner.equals("&&") || joiner.equals("and")) {
                return "and";
            }
            if (joiner.equals("||") || joiner.equals("or")) {
                return "or";
            }
        }
        return null;
    }

    private static boolean insideCall(List<String> prefix) {
        int depth = 0;
        for (int i = prefix.size() - 1; i >= 0; i--) {
            String t = prefix.get(i);
            if (t.equals(")")) {
                depth++;
            } else if (t.equals("(")) {
                if (depth == 0) {
                    return i > 0 && isName(prefix.get(i - 1)) && !CONDITIONS.contains(prefix.get(i - 1));
                }
                depth--;
            }
        }
        return false;
    }

    private static boolean sameTokens(List<String> x, List<String> y) {
        var xs = new ArrayList<>(x);
        var ys = new ArrayList<>(y);
        Collections.sort(xs);
        Collections.sort(ys);
        return !x.equals(y) && xs.equals(ys);
    }

    private static boolean isNumber(String t) {
        return Character.isDigit(t.charAt(0));
    }

    private static boolean isName(String t) {
        return (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_' || t.charAt(0) == '$')
                && !BOOLEANS.contains(t) && !BINARY.contains(t) && !UNARY.contains(t);
    }

    static List<String> tokens(List<String> lines, boolean python) {
        var out = new ArrayList<String>();
        for (String line : lines) {
            String code = line.strip();
            if (code.isEmpty() || code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")
                    || (python && code.startsWith("#"))) {
                continue;
            }
            Matcher m = TOKEN.matcher(code);
            while (m.find()) {
                String t = m.group();
                if ((python && t.equals("#")) || (!python && t.equals("/") && code.startsWith("//", m.start()))) {
                    break; // a trailing comment
                }
                out.add(t);
            }
        }
        return out;
    }
}
