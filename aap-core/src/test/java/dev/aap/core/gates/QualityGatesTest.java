package dev.aap.core.gates;

import dev.aap.core.policy.Finding;
import dev.aap.core.sandbox.RealSandbox;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's linters in the real sandbox on a real repository: the base commit and the branch (the workspace with
 * the patch) are both checked, and only what the patch adds counts.
 */
class QualityGatesTest {

    @TempDir
    Path repo;

    private static final String FLAKE8_CFG = "[flake8]\nmax-line-length = 100\n";

    /** One existing finding (F841: {@code unused} is assigned and never read) in {@code area}. */
    private static final String SHAPES = """
            def area(w, h):
                unused = 1
                return w * h


            def perimeter(w, h):
                return 2 * (w + h)
            """;

    @Test
    void anUnusedImportThePatchAddsIsOneNewBlockingFindingAndTheExistingOneIsNot() throws Exception {
        Sandbox sandbox = RealSandbox.bwrap();
        String base = GitRepo.base(repo, Map.of("setup.cfg", FLAKE8_CFG, "shapes.py", SHAPES));
        GitRepo.write(repo, Map.of("shapes.py", "import os\n\n\n" + SHAPES));

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("shapes.py"), GatesConfig.defaults());

        assertThat(report.ran()).extracting(GateReport.Ran::tool).containsExactly("flake8");
        assertThat(report.ran().get(0).branchCount()).isEqualTo(2);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lint:flake8:F401");
            assertThat(f.severity()).isEqualTo(Finding.Severity.BLOCK);
            assertThat(f.path()).isEqualTo("shapes.py");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("shapes.py:1", "F401", "'os' imported but unused");
        });
        assertThat(report.ran().get(0).log()).contains("== branch", "== base", "F841");
        assertThat(Git.check(repo, "worktree", "list")).as("the base checkout is gone").doesNotContain("aap-gates");
        assertThat(Git.check(repo, "status", "--porcelain")).isEqualTo("M shapes.py");
    }

    @Test
    void aPatchThatOnlyMovesTheLineWithAnExistingFindingAddsNone() throws Exception {
        Sandbox sandbox = RealSandbox.bwrap();
        String base = GitRepo.base(repo, Map.of("setup.cfg", FLAKE8_CFG, "shapes.py", SHAPES));
        GitRepo.write(repo, Map.of("shapes.py", """
                def perimeter(w, h):
                    return 2 * (w + h)


                def area(w, h):
                    unused = 1
                    return w * h
                """));

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("shapes.py"), GatesConfig.defaults());

        assertThat(report.ran()).singleElement().satisfies(r -> {
            assertThat(r.branchCount()).as("F841 is still there, five lines down").isEqualTo(1);
            assertThat(r.newCount()).isZero();
            assertThat(r.log()).contains("shapes.py:6:5: F841");
        });
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aTypeErrorThePatchIntroducesBlocksAndAnExistingOneIsIgnored() throws Exception {
        Sandbox sandbox = RealSandbox.bwrap();
        String base = GitRepo.base(repo, Map.of("mypy.ini", "[mypy]\nwarn_unused_configs = True\n",
                "prices.py", "LIMIT: int = \"ten\"\n\n\ndef total(a: int, b: int) -> int:\n    return a + b\n"));
        GitRepo.write(repo, Map.of("prices.py", "LIMIT: int = \"ten\"\n\n\ndef total(a: int, b: int) -> int:\n"
                + "    return a + b\n\n\ndef label(n: int) -> str:\n    return n * 2\n"));

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("prices.py"), GatesConfig.defaults());

        assertThat(report.ran()).extracting(GateReport.Ran::tool).containsExactly("mypy");
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lint:mypy:return-value");
            assertThat(f.blocks()).isTrue();
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.message()).contains("Incompatible return value type");
        });
    }

    @Test
    void aToolTheRepositoryDoesNotConfigureDoesNotRunAndIsReportedSkipped() throws Exception {
        String base = GitRepo.base(repo, Map.of("shapes.py", SHAPES));
        GitRepo.write(repo, Map.of("shapes.py", "import os\n" + SHAPES));

        GateReport report = QualityGates.newFindings(Sandbox.select("none"), repo, base, List.of("shapes.py"),
                GatesConfig.defaults());

        assertThat(report.ran()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.skipped()).extracting(GateReport.Skipped::tool).containsExactly("ruff", "flake8", "mypy");
        assertThat(report.skipped()).allSatisfy(s -> assertThat(s.reason()).isEqualTo("not configured by the"
                + " repository"));
        assertThat(report.summary()).startsWith("no quality gate ran; ruff skipped (not configured");
    }

    @Test
    void aConfiguredToolThatIsNotInstalledIsSkippedWithWhatWasTried() throws Exception {
        Sandbox sandbox = RealSandbox.bwrap();
        Assumptions.assumeTrue(PythonTools.launcher(Tool.RUFF, sandbox, repo).isEmpty(),
                "ruff is installed here; this test needs a configured tool that is missing");
        String base = GitRepo.base(repo, Map.of("pyproject.toml", "[tool.ruff]\nline-length = 100\n",
                "shapes.py", SHAPES));
        GitRepo.write(repo, Map.of("shapes.py", "import os\n" + SHAPES));

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("shapes.py"), GatesConfig.defaults());

        assertThat(report.ran()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.skipped()).filteredOn(s -> s.tool().equals("ruff")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("not installed in the sandbox (tried ")
                        .contains("-m ruff"));
    }

    @Test
    void aGateThatTimesOutIsOneWarningAndNoCrash() throws Exception {
        Sandbox sandbox = RealSandbox.bwrap();
        String base = GitRepo.base(repo, Map.of("mypy.ini", "[mypy]\n", "shapes.py", SHAPES));
        GitRepo.write(repo, Map.of("shapes.py", "import os\n\n\n" + SHAPES));
        // mypy without a cache reads all of typeshed's builtins first: several seconds, never one
        var config = new GatesConfig(Finding.Severity.BLOCK, Duration.ofSeconds(1), Map.of());

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("shapes.py"), config);

        assertThat(report.ran()).extracting(GateReport.Ran::tool).containsExactly("mypy");
        assertThat(report.ran().get(0).log()).contains("(timed out)");
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("gate-error");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARN);
            assertThat(f.message()).isEqualTo("lint:mypy could not run: mypy timed out after 1 s");
        });
    }

    @Test
    void thePolicyTurnsAToolOffOrItsFindingsIntoWarnings() throws Exception {
        Sandbox sandbox = RealSandbox.bwrap();
        String base = GitRepo.base(repo, Map.of("setup.cfg", FLAKE8_CFG + "\n[mypy]\n", "shapes.py", SHAPES,
                ".aap/policy.yaml", "gates:\n  severity: warn\n  tools: {mypy: off}\n"));
        GitRepo.write(repo, Map.of("shapes.py", "import os\n\n\n" + SHAPES));

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("shapes.py"),
                GatesConfig.load(repo));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lint:flake8:F401");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARN);
        });
        assertThat(report.skipped()).contains(new GateReport.Skipped("mypy", "off in .aap/policy.yaml"));
        assertThat(Files.exists(repo.resolve(".mypy_cache"))).isFalse();
    }
}
