package dev.aap.repair.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aap.core.BadInputException;
import dev.aap.core.workspace.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryMinerTest {

    @TempDir
    Path repo;

    private void commit(String file, String text, String message) throws IOException {
        Path f = repo.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }

    @Test
    void countsThePatternsOfSmallFixCommitsOnly() throws IOException {
        Git.check(repo, "init", "-q");
        String shop = "class Shop {\n    int total(int a, int b) {\n        int limit = 10;\n        return a - b;\n    }\n}\n";
        commit("src/Shop.java", shop, "initial import");
        commit("src/Shop.java", shop.replace("a - b", "a + b"), "Fix sign of the total");
        commit("src/Shop.java", shop.replace("a - b", "a + b").replace("= 10", "= 11"), "fix off-by-one in limit");
        commit("src/Shop.java", shop.replace("a - b", "a + b").replace("= 10", "= 12"), "tune the limit");
        commit("calc.py", "def area(w, h):\n    return w * w\n", "add calc");
        commit("calc.py", "def area(w, h):\n    return w * h\n", "bug: area used the width twice");
        commit("calc.py", "def area(w, h):\n    return w * h\n\n\ndef one():\n    a = 1\n    b = 2\n    return a + b\n",
                "fix: add one() with a long body");
        var reports = new ArrayList<Integer>();

        RepoPriors mined = HistoryMiner.mine(repo, (commits, fixes) -> reports.add(commits));

        assertThat(mined.commitsScanned()).isEqualTo(7);
        assertThat(mined.fixCommits()).isEqualTo(3);
        assertThat(mined.counts()).isEqualTo(Map.of(
                "java", Map.of("Change Binary Operator", 1, "Change Numeric Literal", 1),
                "python", Map.of("Change Identifier Used", 1)));
        assertThat(mined.repository()).isEqualTo(repo.toRealPath().toString());
        assertThat(reports).last().isEqualTo(7);
    }

    @Test
    void aFixWithATestAlongsideCountsAndBigOrUnrelatedCommitsDoNot() {
        var fix = new HistoryMiner.Commit("a", "Fixes #12", List.of(new HistoryMiner.FileStat("src/A.java", 1, 1),
                new HistoryMiner.FileStat("src/test/java/ATest.java", 20, 0)));
        var feature = new HistoryMiner.Commit("b", "add a flag", List.of(new HistoryMiner.FileStat("a.py", 1, 1)));
        var big = new HistoryMiner.Commit("c", "fix parser", List.of(new HistoryMiner.FileStat("p.py", 4, 1)));
        var docs = new HistoryMiner.Commit("d", "fix typo", List.of(new HistoryMiner.FileStat("README.md", 1, 1)));
        assertThat(HistoryMiner.isSmallFix(fix)).isTrue();
        assertThat(HistoryMiner.isSmallFix(feature)).isFalse();
        assertThat(HistoryMiner.isSmallFix(big)).isFalse();
        assertThat(HistoryMiner.isSmallFix(docs)).isFalse();
    }

    @Test
    void aDirectoryOutsideGitIsABadInputThatSaysSo() {
        assertThatThrownBy(() -> HistoryMiner.mine(repo, (c, f) -> { }))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not inside a git repository");
    }
}
