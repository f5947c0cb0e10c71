package dev.aap.repair.python;

import dev.aap.core.BadInputException;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.candidate.Edit;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PyMutatorTest {

    /** The mutated texts of all candidates for the given line. */
    private static List<String> mutants(String source, int line) {
        return PythonMutator.candidates("m.py", source, Set.of(line)).stream().map(c -> c.applyTo(source)).toList();
    }

    private static void assertFixes(String buggy, int line, String fixedLine) {
        String fixed = buggy.lines().toList().get(line - 1).strip().isEmpty() ? buggy : buggy.replace(
                buggy.lines().toList().get(line - 1), fixedLine);
        assertThat(mutants(buggy, line)).contains(fixed);
    }

    @Test
    void replacesAugmentedAssignmentOperator() {
        assertFixes("""
                def bitcount(n):
                    count = 0
                    while n:
                        n ^= n - 1
                        count += 1
                    return count
                """, 4, "        n &= n - 1");
    }

    @Test
    void shiftsACountUsedInArithmetic() {
        assertFixes("""
                def pad(cells):
                    width = 3
                    return [width] + (len(cells)) * [0] + [width]
                """, 3, "    return [width] + (len(cells) - 1) * [0] + [width]");
    }

    @Test
    void shiftsAnArgumentByAnotherIntName() {
        assertFixes("""
                def select(items, rank):
                    head = items[0]
                    bigger = [x for x in items if x > head]
                    taken = len(items) - len(bigger)
                    if rank >= taken:
                        return select(bigger, rank)
                    return head
                """, 6, "        return select(bigger, rank - taken)");
    }

    @Test
    void swapsCallArguments() {
        assertFixes("""
                def gcd(a, b):
                    if b == 0:
                        return a
                    return gcd(a % b, b)
                """, 4, "    return gcd(b, a % b)");
    }

    @Test
    void replacesNameInCallArgumentByLocal() {
        assertFixes("""
                def bucketsort(arr, k):
                    counts = [0] * k
                    for x in arr:
                        counts[x] += 1
                    out = []
                    for i, count in enumerate(arr):
                        out.extend([i] * count)
                    return out
                """, 6, "    for i, count in enumerate(counts):");
    }

    @Test
    void addsOneToRangeBound() {
        assertFixes("""
                def rows(n):
                    out = []
                    for r in range(1, n):
                        for c in range(0, r):
                            out.append(c)
                    return out
                """, 4, "        for c in range(0, r + 1):");
    }

    @Test
    void widensNoneCheckToTheObjectItself() {
        assertFixes("""
                def detect(node):
                    hare = tortoise = node
                    while True:
                        if hare.successor is None:
                            return False
                        tortoise = tortoise.successor
                        hare = hare.successor.successor
                """, 4, "        if hare is None or hare.successor is None:");
    }

    @Test
    void replacesComparisonOperatorAndLiteralTogether() {
        assertFixes("""
                def f(a):
                    if len(a) == 0:
                        return a
                    return a[1:]
                """, 2, "    if len(a) <= 1:");
    }

    @Test
    void changesComparisonAndBooleanOperators() {
        String src = """
                def f(a, b):
                    return a < b and b > 0
                """;
        assertThat(mutants(src, 2)).contains(src.replace("a < b", "a <= b"), src.replace(" and ", " or "),
                src.replace("b > 0", "b > 1"));
    }

    @Test
    void parenthesizesOnlyWhenPrecedenceDemandsIt() {
        String src = """
                def f(a, b, c):
                    return a + b * c
                """;
        assertThat(mutants(src, 2)).contains(src.replace("b * c", "(b - c)"), src.replace("a + b", "a - b"));
    }

    @Test
    void reusesSiblingExpressionForAnotherName() {
        assertFixes("""
                def lcs(a, b):
                    if not a or not b:
                        return ''
                    return lcs(a[1:], b)
                """, 4, "    return lcs(a[1:], b[1:])");
    }

    @Test
    void replacesSubexpressionByNameInScope() {
        assertFixes("""
                def relax(heap, node, w):
                    dist = w
                    return min(dist, get(heap, node) + w)
                """, 3, "    return min(dist, dist + w)");
    }

    @Test
    void replacesAttributeNameSeenElsewhereInFile() {
        assertFixes("""
                def succ(node):
                    return node.outgoing

                def pred(node):
                    return node.incoming
                """, 2, "    return node.incoming");
    }

    @Test
    void swapsBuiltinFunctionOfSameArity() {
        assertFixes("""
                def f(xs):
                    return any(x > 0 for x in xs)
                """, 2, "    return all(x > 0 for x in xs)");
    }

    @Test
    void insertsReturnOfRecursiveCall() {
        assertFixes("""
                def walk(n):
                    if n > 0:
                        walk(n - 1)
                    return 0
                """, 3, "        return walk(n - 1)");
    }

    @Test
    void wrapsReturnedEmptyList() {
        assertFixes("""
                def powerset(arr):
                    if not arr:
                        return []
                    return arr
                """, 3, "        return [[]]");
    }

    @Test
    void addsMissingListOperand() {
        assertFixes("""
                def split(arr):
                    rest = arr[1:]
                    first = arr[:1]
                    return first
                """, 4, "    return first + rest");
    }

    @Test
    void slicesLoopIterableWithIntName() {
        assertFixes("""
                def f(arr, k):
                    for i in range(k):
                        pass
                    for x in arr:
                        print(x)
                """, 4, "    for x in arr[k:]:");
    }

    @Test
    void insertsAssignmentAtEndOfLoopAndDeletesStatements() {
        String src = """
                def fib(n):
                    a, b = 0, 1
                    while n > 0:
                        c = a + b
                        n -= 1
                    return a
                """;
        List<String> texts = mutants(src, 4);
        assertThat(texts).contains(src.replace("n -= 1\n", "n -= 1\n        a = c\n"),
                src.replace("        c = a + b\n", ""));
    }

    @Test
    void keepsRestOfFileByteIdenticalWithoutDuplicatesOrNoOps() {
        String src = """
                # héllo, wörld 😀
                def f(a, b):
                    x = a[0] + b * 2  # trailing comment
                    if x > b and not a:
                        return [x, b]
                    return f(a[1:], b - 1)
                """;
        Set<Integer> lines = Set.of(3, 4, 5, 6);
        List<Candidate> candidates = PythonMutator.candidates("m.py", src, lines);
        var texts = new HashSet<String>();
        for (Candidate c : candidates) {
            String text = c.applyTo(src);
            Edit e = c.edits().get(0);
            assertThat(text).isNotEqualTo(src);
            assertThat(text).startsWith(src.substring(0, e.start()));
            assertThat(text).endsWith(src.substring(e.end()));
            assertThat(lines).contains(c.line());
            assertThat(c.operator()).isNotBlank();
            texts.add(text);
        }
        assertThat(candidates).hasSizeGreaterThan(50);
        assertThat(texts).hasSize(candidates.size());
    }

    @Test
    void ordersEachLineByPriorAndBoundsIt() {
        String src = "def f(a, b, c, d, e, g, h, i, j, k):\n    return a + b + c + d + e + g + h + i + j + k\n";
        List<Candidate> candidates = PythonMutator.candidates("m.py", src, Set.of(2));
        assertThat(candidates).hasSizeLessThanOrEqualTo(PythonMutator.PER_LINE_LIMIT);
        for (int i = 1; i < candidates.size(); i++) {
            assertThat(candidates.get(i).prior()).isLessThanOrEqualTo(candidates.get(i - 1).prior());
        }
    }

    @Test
    void rejectsSourceThatDoesNotParse() {
        assertThatThrownBy(() -> PythonMutator.candidates("bad.py", "def f(:\n", Set.of(1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("bad.py");
    }
}
