package dev.aap.core.coverage;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestRun;
import dev.aap.core.patch.Patch;
import dev.aap.core.policy.Finding;
import dev.aap.core.sandbox.RealSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracer in the verification's own pytest run, in the real sandbox, on patches to a small real project. */
class PythonTraceCoverageTest {

    @TempDir
    Path dir;

    private static final String PRICE = """
            def price(units, unit_price):
                return units * unit_price
            """;

    private static final String TEST_PRICE = """
            from shop.price import price


            def test_price():
                assert price(2, 3) == 6
            """;

    @Test
    void aChangeWhoseLinesTheTestsAllRunIsFullyCovered() throws Exception {
        DiffCoverage c = measure(Map.of("shop/price.py", """
                def price(units, unit_price):
                    total = units * unit_price
                    return total
                """));

        assertThat(c.summary()).isEqualTo("100% (2/2 changed lines)");
        assertThat(c.uncovered()).isEmpty();
    }

    @Test
    void anUntestedBranchIsBelowTheThresholdAndNamesItsLine() throws Exception {
        DiffCoverage c = measure(Map.of("shop/price.py", """
                def price(units, unit_price):
                    # bulk orders get a discount

                    if units > 100:
                        return units * unit_price * 0.9
                    return units * unit_price
                """));

        // git keeps the last return as context; of the added lines the comment and the blank hold no code, the if
        // runs and the discount does not
        assertThat(c.summary()).isEqualTo("50% (1/2 changed lines)");
        assertThat(c.uncovered()).containsExactly(Map.entry("shop/price.py", List.of(5)));
        Finding f = CoveragePolicy.defaults().check(c).orElseThrow();
        assertThat(f.severity()).isEqualTo(Finding.Severity.WARN);
        assertThat(f.path()).isEqualTo("shop/price.py");
        assertThat(f.line()).isEqualTo(5);
        assertThat(f.message()).isEqualTo("diff coverage 50% (1/2 changed lines) is below 80%: uncovered price.py:5");
    }

    @Test
    void aCommentOrBlankOnlyChangeHasNoCoverableLines() throws Exception {
        DiffCoverage c = measure(Map.of("shop/price.py", """
                # prices are in cents

                def price(units, unit_price):
                    # no rounding: cents are whole
                    return units * unit_price
                """));

        assertThat(c.available()).isFalse();
        assertThat(c.summary()).isEqualTo("n/a (no changed line outside tests holds code)");
        assertThat(CoveragePolicy.defaults().check(c)).isEmpty();
    }

    private DiffCoverage measure(Map<String, String> change) throws Exception {
        Path repo = dir.resolve("repo");
        CoverageProjects.commit(repo, Map.of("shop/__init__.py", "", "shop/price.py", PRICE,
                "tests/test_price.py", TEST_PRICE, "conftest.py", ""));
        CoverageProjects.write(repo, change);
        BuildTool build = BuildTool.detect(repo, null);
        Coverage coverage = Coverage.of(build, dir.resolve("scratch/coverage"));
        var ctx = new BuildContext(RealSandbox.bwrap(), repo, dir.resolve("scratch"), Duration.ofSeconds(60));
        TestRun run = build.runTests(coverage.arm(ctx, change.keySet()));
        assertThat(run.passed()).as(run.exec().combinedOutput()).isTrue();
        assertThat(run.report().total()).isEqualTo(1);
        Patch patch = CoverageProjects.diff(repo);
        return coverage.measure(patch, "");
    }
}
