package dev.aap.repair.python;

import dev.aap.repair.candidate.Candidate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One case per classic one-line bug class: the fix is among the line's candidates, and near the front. */
class PyMutatorClassesTest {

    // one script run per sample and line: each case asks about several fixes of the same line
    private static final Map<String, List<Candidate>> CACHE = new ConcurrentHashMap<>();

    private static List<Candidate> candidates(String source, int line) {
        return CACHE.computeIfAbsent(line + "\u0000" + source,
                k -> PythonMutator.candidates("m.py", source, Set.of(line)));
    }

    /** The fix's position in the line's ranked candidates, or -1. */
    private static int rankOf(String buggy, int line, String fixed) {
        List<Candidate> all = candidates(buggy, line);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).applyTo(buggy).equals(fixed)) {
                return i;
            }
        }
        return -1;
    }

    private static String operatorOf(String buggy, int line, String fixed) {
        return candidates(buggy, line).stream().filter(c -> c.applyTo(buggy).equals(fixed)).findFirst()
                .map(Candidate::operator).orElse("none");
    }

    @Test
    void extendsAConditionWithAClauseOverANameInScope() {
        String buggy = """
                def average(total, count):
                    if total > 0:
                        return total / count
                    return 0
                """;
        String fixed = buggy.replace("if total > 0:", "if total > 0 and count:");
        assertThat(rankOf(buggy, 2, fixed)).isBetween(0, 20);
        assertThat(operatorOf(buggy, 2, fixed)).isEqualTo("extend-condition");
        String widened = buggy.replace("if total > 0:", "if total > 0 or not count:");
        assertThat(rankOf(buggy, 2, widened)).isBetween(0, 30);
    }

    @Test
    void extendedClausesUseOnlyNamesTheFunctionAlreadyHas() {
        String buggy = """
                def average(total, count):
                    if total > 0:
                        return total / count
                    return 0
                """;
        Pattern clause = Pattern.compile(" (?:and|or) (?:not )?(\\w+):");
        for (Candidate c : candidates(buggy, 2)) {
            if (c.operator().equals("extend-condition")) {
                var m = clause.matcher(c.applyTo(buggy));
                assertThat(m.find()).isTrue();
                assertThat(m.group(1)).isIn("count");
            }
        }
    }

    @Test
    void replacesAConstantLoopConditionByOneOverNamesInScope() {
        String buggy = """
                def drain(queue):
                    out = []
                    while True:
                        out.append(queue.pop())
                    return out
                """;
        String fixed = buggy.replace("while True:", "while queue:");
        assertThat(rankOf(buggy, 3, fixed)).isBetween(0, 3);
        assertThat(operatorOf(buggy, 3, fixed)).isEqualTo("condition-from-scope");
    }

    @Test
    void replacesAReturnedBooleanByAComparisonOfVariables() {
        String buggy = """
                def ordered(a, b):
                    if a is None:
                        return False
                    return True
                """;
        String fixed = buggy.replace("return True", "return a <= b");
        assertThat(rankOf(buggy, 4, fixed)).isBetween(0, 10);
        assertThat(operatorOf(buggy, 4, fixed)).isEqualTo("return-expression");
    }

    @Test
    void replacesAReturnedNumberByArithmeticOverVariables() {
        String buggy = """
                def span(lo, hi):
                    if lo > hi:
                        lo, hi = hi, lo
                    return 0
                """;
        String fixed = buggy.replace("return 0", "return hi - lo");
        assertThat(rankOf(buggy, 4, fixed)).isBetween(0, 12);
    }

    @Test
    void wrapsAnAssignedValueInMinWithANameInScope() {
        String buggy = """
                def fill(level, amount, limit):
                    level = level + amount
                    return level
                """;
        String fixed = buggy.replace("level = level + amount", "level = min(limit, level + amount)");
        assertThat(rankOf(buggy, 2, fixed)).isBetween(0, 20);
        assertThat(operatorOf(buggy, 2, fixed)).isEqualTo("wrap-min-max-abs");
        assertThat(rankOf(buggy, 2, buggy.replace("= level + amount", "= max(0, level + amount)"))).isNotNegative();
        assertThat(rankOf(buggy, 2, buggy.replace("= level + amount", "= abs(level + amount)"))).isNotNegative();
    }

    @Test
    void inAMethodTheInstanceAttributesAreIngredientsAndTheReceiverIsNot() {
        String buggy = """
                class Tank:
                    def __init__(self, name, size):
                        self.name = name
                        self.size = size
                        self.volume = 0
                        self.open = True

                    def pour(self, amount):
                        self.volume = self.volume + amount
                        return self.volume

                    def free(self):
                        return self.size - self.volume

                    def accepts(self, amount):
                        if amount > 0:
                            return True
                        return False
                """;
        // the bound is an attribute the class computes with, though this method never reads it
        String capped = buggy.replace("= self.volume + amount", "= min(self.size, self.volume + amount)");
        assertThat(rankOf(buggy, 9, capped)).isBetween(0, 30);
        assertThat(operatorOf(buggy, 9, capped)).isEqualTo("wrap-min-max-abs");
        String narrowed = buggy.replace("if amount > 0:", "if amount > 0 and self.open:");
        assertThat(rankOf(buggy, 16, narrowed)).isNotNegative();
        for (int line : new int[] {9, 16, 17}) {
            for (Candidate c : candidates(buggy, line)) {
                assertThat(c.applyTo(buggy)).as(c.description())
                        .doesNotContain("min(self,", "and self:", "or not self:", "return self\n", "return not self\n");
            }
        }
    }

    @Test
    void joinsAnIfToThePreviousOneAsElif() {
        String buggy = """
                def grade(score):
                    if score >= 90:
                        label = "A"
                    if score >= 50:
                        label = "pass"
                    else:
                        label = "fail"
                    return label
                """;
        String fixed = buggy.replace("    if score >= 50:", "    elif score >= 50:");
        assertThat(rankOf(buggy, 4, fixed)).isBetween(0, 40);
        assertThat(operatorOf(buggy, 4, fixed)).isEqualTo("insert-else");
    }

    @Test
    void boundsAConstantLoopConditionByTheLengthOfAList() {
        String buggy = """
                def words(text):
                    out = []
                    pos = 0
                    while True:
                        out.append(text[pos:pos + 1])
                        pos += 1
                    return out
                """;
        String fixed = buggy.replace("while True:", "while pos < len(text):");
        assertThat(rankOf(buggy, 4, fixed)).isBetween(0, 60);
        assertThat(operatorOf(buggy, 4, fixed)).isEqualTo("condition-from-scope");
    }

    @Test
    void swapsAStandardLibraryMethodForItsPairedName() {
        String buggy = """
                def allowed(name, suffix):
                    return name.startswith(suffix) and not name.startswith(".")
                """;
        String fixed = buggy.replace("name.startswith(suffix)", "name.endswith(suffix)");
        assertThat(rankOf(buggy, 2, fixed)).isBetween(0, 30);
        assertThat(operatorOf(buggy, 2, fixed)).isEqualTo("replace-function");
    }

    @Test
    void anInsertedCopyUsesTheLocalThatAlreadyHoldsItsArgument() {
        String buggy = """
                def unique(rows, known):
                    seen = set()
                    for r in known:
                        seen.add(r.strip().lower())
                    out = []
                    for r in rows:
                        key = r.strip().lower()
                        if key in seen:
                            continue
                        out.append(r)
                    return out
                """;
        String fixed = buggy.replace("        out.append(r)\n", "        seen.add(key)\n        out.append(r)\n");
        assertThat(rankOf(buggy, 10, fixed)).isBetween(0, 40);
        assertThat(operatorOf(buggy, 10, fixed)).isEqualTo("insert-statement");
    }

    @Test
    void aLocalAssignedBelowTheLineIsNoIngredientUnlessALoopCarriesIt() {
        String buggy = """
                def f(items):
                    if not items:
                        return True
                    head = items[0]
                    while True:
                        last = head
                        head = head.next
                    return head
                """;
        assertThat(candidates(buggy, 3)).extracting(c -> c.applyTo(buggy))
                .noneMatch(t -> t.contains("return head\n    head =") || t.contains("return not head\n"));
        String carried = buggy.replace("while True:", "while last:");
        assertThat(rankOf(buggy, 5, carried)).isNotNegative();
    }

    @Test
    void aRejectingGuardAlsoRefusesANonPositiveNumberItTests() {
        String buggy = """
                def book(free, count):
                    if count > free:
                        raise ValueError("only %d left" % free)
                    return free - count
                """;
        String fixed = buggy.replace("if count > free:", "if count <= 0 or count > free:");
        assertThat(rankOf(buggy, 2, fixed)).isBetween(0, 40);
        assertThat(operatorOf(buggy, 2, fixed)).isEqualTo("extend-condition");
    }

    @Test
    void replacesAVariableByASimpleExpressionOfItself() {
        String buggy = """
                def midpoint(lo, hi):
                    width = hi - lo
                    return lo + width
                """;
        String fixed = buggy.replace("lo + width", "lo + width // 2");
        assertThat(rankOf(buggy, 3, fixed)).isBetween(0, 30);
        assertThat(operatorOf(buggy, 3, fixed)).isEqualTo("variable-expression");
        assertThat(rankOf(buggy, 3, buggy.replace("lo + width", "lo + width * width"))).isNotNegative();
        assertThat(rankOf(buggy, 3, buggy.replace("lo + width", "lo + -width"))).isNotNegative();
    }

    @Test
    void swapsNestedIndexesAndTupleIndexes() {
        String buggy = """
                def column(grid, c):
                    out = []
                    for r in range(len(grid)):
                        out.append(grid[c][r])
                    return out
                """;
        String fixed = buggy.replace("grid[c][r]", "grid[r][c]");
        assertThat(rankOf(buggy, 4, fixed)).isBetween(0, 30);
        assertThat(operatorOf(buggy, 4, fixed)).isEqualTo("swap-index");
        String tuple = """
                def cell(board, x, y):
                    return board[x, y]
                """;
        assertThat(operatorOf(tuple, 2, tuple.replace("[x, y]", "[y, x]"))).isEqualTo("swap-index");
    }

    @Test
    void insertsAStatementFromAnotherMethodAdaptedToTheLoopVariable() {
        String buggy = """
                class Dedup:
                    def __init__(self):
                        self.seen = set()

                    def remember(self, key):
                        self.seen.add(key)

                    def fresh(self, items):
                        out = []
                        for item in items:
                            if item not in self.seen:
                                out.append(item)
                        return out
                """;
        String fixed = buggy.replace("                out.append(item)\n",
                "                out.append(item)\n                self.seen.add(item)\n");
        assertThat(rankOf(buggy, 12, fixed)).isBetween(0, 30);
        assertThat(operatorOf(buggy, 12, fixed)).isEqualTo("insert-statement");
        assertThat(candidates(buggy, 12)).noneMatch(c -> c.applyTo(buggy).contains("self.seen.add(key)\n        "
                + "        "));
    }

    @Test
    void insertsACounterUpdateAfterAnAppend() {
        String buggy = """
                def tally(words, stop):
                    found = []
                    count = 0
                    for w in words:
                        if w == stop:
                            count += 1
                            break
                        found.append(w)
                    return found, count
                """;
        String fixed = buggy.replace("        found.append(w)\n", "        found.append(w)\n        count += 1\n");
        assertThat(rankOf(buggy, 8, fixed)).isBetween(0, 20);
    }

    @Test
    void movesTheStatementAfterAnIfIntoAMissingElse() {
        String buggy = """
                def steps(n):
                    count = 0
                    while n != 1:
                        if n % 2 == 0:
                            n = n // 2
                        n = 3 * n + 1
                        count += 1
                    return count
                """;
        String fixed = buggy.replace("        n = 3 * n + 1\n", "        else:\n            n = 3 * n + 1\n");
        assertThat(rankOf(buggy, 6, fixed)).isBetween(0, 40);
        assertThat(rankOf(buggy, 4, fixed)).isNotNegative();
        assertThat(operatorOf(buggy, 6, fixed)).isEqualTo("insert-else");
    }

    @Test
    void addsAnElseAssigningTheSameTargetFromAnotherName() {
        String buggy = """
                def pick(flag, a, b):
                    if flag:
                        value = a
                    return value
                """;
        String fixed = buggy.replace("        value = a\n", "        value = a\n    else:\n        value = b\n");
        assertThat(rankOf(buggy, 2, fixed)).isBetween(0, 30);
    }

    @Test
    void insertsABreakAfterTheLineInALoop() {
        String buggy = """
                def find(items, target):
                    index = -1
                    for i, x in enumerate(items):
                        if x == target:
                            index = i
                    return index
                """;
        String fixed = buggy.replace("            index = i\n", "            index = i\n            break\n");
        assertThat(rankOf(buggy, 5, fixed)).isBetween(0, 30);
        assertThat(operatorOf(buggy, 5, fixed)).isEqualTo("insert-jump");
        assertThat(rankOf(buggy, 5, buggy.replace("            index = i\n",
                "            index = i\n            return index\n"))).isNotNegative();
    }

    @Test
    void insertsNothingAfterAReturn() {
        String buggy = """
                def first(items):
                    for x in items:
                        return x
                """;
        assertThat(candidates(buggy, 3)).extracting(Candidate::description)
                .anyMatch(d -> d.contains("before line 3")).noneMatch(d -> d.contains("after line 3"));
    }

    @Test
    void replacesAMethodCallBySiblingMethodOfTheSameClass() {
        String buggy = """
                class Account:
                    def __init__(self):
                        self.balance = 0

                    def deposit(self, amount):
                        self.balance += amount

                    def withdraw(self, amount):
                        self.balance -= amount

                    def refund(self, amount):
                        self.withdraw(amount)
                """;
        String fixed = buggy.replace("self.withdraw(amount)", "self.deposit(amount)");
        assertThat(rankOf(buggy, 12, fixed)).isBetween(0, 10);
        assertThat(operatorOf(buggy, 12, fixed)).isEqualTo("replace-function");
        // the calling method itself is no sibling: that would recurse
        assertThat(candidates(buggy, 12)).filteredOn(c -> c.operator().equals("replace-function"))
                .noneMatch(c -> c.applyTo(buggy).contains("self.refund(amount)\n"));
    }

    @Test
    void changesAZeroResultToMinusOne() {
        String buggy = """
                def position(xs, x):
                    if x not in xs:
                        return 0
                    return xs.index(x)
                """;
        assertThat(rankOf(buggy, 3, buggy.replace("return 0", "return -1"))).isBetween(0, 2);
        String five = "def f():\n    return 5\n";
        assertThat(rankOf(five, 2, "def f():\n    return -1\n")).isNotNegative();
    }

    @Test
    void keepsTheCandidateCountPerLineBounded() {
        String src = """
                class Ledger:
                    def __init__(self, limit):
                        self.limit = limit
                        self.entries = []

                    def add(self, amount, note):
                        total = 0
                        for entry in self.entries:
                            if entry > 0 and note:
                                total = total + entry
                        self.entries.append(amount)
                        return total
                """;
        int lines = (int) src.lines().count();
        for (int line = 1; line <= lines; line++) {
            assertThat(candidates(src, line)).as("line %d", line).hasSizeLessThanOrEqualTo(150);
        }
    }
}
