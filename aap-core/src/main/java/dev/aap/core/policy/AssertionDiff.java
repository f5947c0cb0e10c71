package dev.aap.core.policy;

import dev.aap.core.policy.TestIntegrity.Finding;
import dev.aap.core.policy.TestSummary.Assertion;
import dev.aap.core.policy.TestSummary.Strength;
import dev.aap.core.policy.TestSummary.TestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the checks of one test before and after a change as multisets of normalized checks; what is left over
 * on both sides is paired (same kind, then same subject, then strong with weak) to tell a changed expectation or a
 * weaker check from a removed one.
 */
final class AssertionDiff {

    private static final Set<String> BROAD_EXCEPTIONS = Set.of("Exception", "Throwable", "RuntimeException",
            "BaseException", "Error");
    private static final Pattern DURATION = Pattern.compile(
            "(?:Duration\\.)?of(Nanos|Millis|Seconds|Minutes|Hours|Days)\\(\\s*([0-9][0-9_]*)[lL]?\\s*\\)");

    /** The kind of a parameterized test's data row, which both extractors give. */
    static final String PARAMETERS = "parameters";

    private final String file;
    private final TestCase before;
    private final TestCase after;
    private final List<Finding> out;

    private AssertionDiff(String file, TestCase before, TestCase after, List<Finding> out) {
        this.file = file;
        this.before = before;
        this.after = after;
        this.out = out;
    }

    static void compare(String file, TestCase before, TestCase after, List<Finding> out) {
        new AssertionDiff(file, before, after, out).run();
    }

    private void run() {
        var gone = new ArrayList<>(before.assertions());
        var added = new ArrayList<>(after.assertions());
        gone.removeIf(x -> removeFirst(added, (g, a) -> a.key().equals(g.key()), x) != null);
        pair(gone, added, (g, a) -> a.kind().equals(g.kind()) && a.subject().equals(g.subject()));
        pair(gone, added, (g, a) -> a.kind().equals(g.kind()));
        pair(gone, added, (g, a) -> !g.subject().isEmpty() && a.subject().equals(g.subject()));
        pair(gone, added, (g, a) -> g.strength() == Strength.STRONG && a.strength() == Strength.WEAK);
        for (Assertion g : gone) {
            String what = g.kind().equals(PARAMETERS) ? "parameter row" : "assertion";
            out.add(new Finding(file, after.line(), TestIntegrity.ASSERTION_REMOVED, "test `" + after.qualified()
                    + "` lost the " + what + " `" + g.shown() + "` (line " + g.line() + " before this change); keep "
                    + "every existing " + what + " and change the code under test so that it passes"));
        }
    }

    private void pair(List<Assertion> gone, List<Assertion> added, BiPredicate<Assertion, Assertion> fits) {
        gone.removeIf(g -> {
            Assertion a = removeFirst(added, fits, g);
            if (a != null) {
                judge(g, a);
            }
            return a != null;
        });
    }

    private static Assertion removeFirst(List<Assertion> candidates, BiPredicate<Assertion, Assertion> fits,
                                         Assertion old) {
        for (int i = 0; i < candidates.size(); i++) {
            if (fits.test(old, candidates.get(i))) {
                return candidates.remove(i);
            }
        }
        return null;
    }

    /** An old check and the new one that took its place. */
    private void judge(Assertion old, Assertion now) {
        String test = "test `" + after.qualified() + "`";
        if (old.strength() == Strength.STRONG && now.strength() == Strength.WEAK) {
            out.add(new Finding(file, now.line(), TestIntegrity.ASSERTION_WEAKENED, test + " replaces `"
                    + old.shown() + "` with the weaker `" + now.shown() + "`; keep the original assertion"));
        } else if (old.expected() == null || Objects.equals(old.expected(), now.expected())) {
            return;
        } else if (isBroad(now.expected()) && !isBroad(old.expected())) {
            out.add(new Finding(file, now.line(), TestIntegrity.ASSERTION_WEAKENED, test + " now accepts any `"
                    + firstPart(now.expected()) + "` where `" + old.shown() + "` wanted `"
                    + firstPart(old.expected()) + "` (now `" + now.shown() + "`); keep the specific exception"));
        } else if (old.kind().startsWith("assertTimeout") && now.kind().startsWith("assertTimeout")) {
            judgeTimeLimit(old, now, test);
        } else {
            out.add(new Finding(file, now.line(), TestIntegrity.EXPECTED_CHANGED, test + " changes the expected "
                    + "value of `" + old.shown() + "` from " + shownValue(old) + " to " + shownValue(now) + " (now `"
                    + now.shown() + "`); existing expectations specify the behaviour: change the code under test, "
                    + "not the expectation"));
        }
    }

    private void judgeTimeLimit(Assertion old, Assertion now, String test) {
        Double was = seconds(old.expected());
        Double is = seconds(now.expected());
        if (was != null && is != null && is <= was) {
            return;
        }
        out.add(new Finding(file, now.line(), TestIntegrity.TIMEOUT_RAISED, test + " raises the time limit of `"
                + old.shown() + "` from `" + old.expected() + "` to `" + now.expected() + "`; keep the original "
                + "limit and make the code fast enough"));
    }

    private static String shownValue(Assertion a) {
        if (a.expected() == null) {
            return "nothing";
        }
        String v = a.expected();
        return "`" + (v.length() > 80 ? v.substring(0, 77) + "..." : v) + "`";
    }

    private static String firstPart(String expected) {
        return expected.split(",", 2)[0].strip();
    }

    private static boolean isBroad(String expected) {
        if (expected == null) {
            return false;
        }
        String type = firstPart(expected).replaceFirst("\\.class$", "");
        type = type.substring(type.lastIndexOf('.') + 1);
        return BROAD_EXCEPTIONS.contains(type);
    }

    static Double seconds(String duration) {
        Matcher m = DURATION.matcher(duration == null ? "" : duration);
        if (!m.matches()) {
            return null;
        }
        double n = Double.parseDouble(m.group(2).replace("_", ""));
        return n * switch (m.group(1)) {
            case "Nanos" -> 1e-9;
            case "Millis" -> 1e-3;
            case "Minutes" -> 60.0;
            case "Hours" -> 3600.0;
            case "Days" -> 86400.0;
            default -> 1.0;
        };
    }
}
