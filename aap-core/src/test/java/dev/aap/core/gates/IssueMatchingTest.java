package dev.aap.core.gates;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which branch findings are new: same tool, rule, file and message (positions aside), counted as multisets. */
class IssueMatchingTest {

    @Test
    void aFindingThatOnlyMovedIsNotNewEvenWhenItsMessageNamesALine() {
        var base = List.of(new Issue("mypy", "no-redef", "a.py", 7, "Name \"x\" already defined on line 3"));
        var branch = List.of(new Issue("mypy", "no-redef", "a.py", 12, "Name \"x\" already defined on line 8"));

        assertThat(NewIssues.of(base, branch)).isEmpty();
    }

    @Test
    void aSecondCopyOfAnExistingFindingIsNew() {
        var unused = new Issue("flake8", "F401", "a.py", 1, "'os' imported but unused");
        var again = new Issue("flake8", "F401", "a.py", 9, "'os' imported but unused");

        assertThat(NewIssues.of(List.of(unused), List.of(unused, again))).containsExactly(again);
    }

    @Test
    void theSameRuleInAnotherFileOrWithAnotherMessageIsNew() {
        var base = List.of(new Issue("flake8", "F401", "a.py", 1, "'os' imported but unused"));
        var otherFile = new Issue("flake8", "F401", "b.py", 1, "'os' imported but unused");
        var otherName = new Issue("flake8", "F401", "a.py", 1, "'sys' imported but unused");

        assertThat(NewIssues.of(base, List.of(otherFile, otherName))).containsExactly(otherFile, otherName);
    }

    @Test
    void readsFlake8AndMypyLinesAndIgnoresNotes() {
        Path dir = Path.of("/work/p");
        var flake8 = LintOutput.flake8("src/a.py:3:1: E302 expected 2 blank lines, found 1\nnoise\n", dir);
        var mypy = LintOutput.mypy("/work/p/a.py:4: error: Incompatible return value type (got \"int\", expected"
                + " \"str\")  [return-value]\na.py:4: note: see docs\n", dir);

        assertThat(flake8).containsExactly(new Issue("flake8", "E302", "src/a.py", 3, "expected 2 blank lines,"
                + " found 1"));
        assertThat(mypy).containsExactly(new Issue("mypy", "return-value", "a.py", 4, "Incompatible return value"
                + " type (got \"int\", expected \"str\")"));
    }

    @Test
    void readsRuffJsonWithAbsolutePaths() {
        var ruff = LintOutput.ruff("[{\"code\": \"F401\", \"message\": \"`os` imported but unused\", \"filename\":"
                + " \"/work/p/pkg/a.py\", \"location\": {\"row\": 2, \"column\": 8}}]", Path.of("/work/p"));

        assertThat(ruff).containsExactly(new Issue("ruff", "F401", "pkg/a.py", 2, "`os` imported but unused"));
    }
}
