package dev.aap.cli;

import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.workspace.Git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One program's benchmark result.
 *
 * @param program          program name
 * @param language         java or python
 * @param outcome          plausible, none or error
 * @param candidates       candidates validated
 * @param firstPlausibleS  seconds into the run when the first plausible patch was found, or -1
 * @param changedLines     changed lines of the chosen patch, or 0
 * @param sameAsReference  whether the patched file equals the reference fix, whitespace and comments aside
 * @param validationMs     median validation time per candidate
 * @param testCommandMs    one run of the project's own test command (the baseline), for comparison
 * @param seconds          wall time of the run
 * @param detail           the run's message
 */
record BenchRow(String program, String language, String outcome, int candidates, double firstPlausibleS,
                int changedLines, boolean sameAsReference, long validationMs, long testCommandMs, double seconds,
                String detail) {

    static BenchRow of(BenchPackage pkg, RunResult r, Path repo) {
        boolean plausible = r.status() == RunStatus.SUCCEEDED || r.patch() != null;
        boolean same = plausible && r.patch() != null && sameAsReference(pkg, r.patch(), repo);
        double first = r.firstPlausibleMs() == null ? -1 : r.firstPlausibleMs() / 1000.0;
        return new BenchRow(pkg.name(), pkg.language(), plausible ? "plausible" : "none", r.validated(), first,
                r.changedLines(), same, r.validationMsMedian(), r.baselineMs(), r.seconds(), r.message());
    }

    static BenchRow error(BenchPackage pkg, String message, double seconds) {
        return new BenchRow(pkg.name(), pkg.language(), "error", 0, -1, 0, false, 0, 0, seconds,
                message.lines().findFirst().orElse(""));
    }

    private static boolean sameAsReference(BenchPackage pkg, String patch, Path repo) {
        try {
            Path diff = Files.createTempFile("aap-bench", ".diff");
            Files.writeString(diff, patch);
            boolean applied = Git.run(repo, "apply", "--whitespace=nowarn", diff.toString()).ok();
            Files.deleteIfExists(diff);
            if (!applied) {
                return false;
            }
            String patched = Files.readString(repo.resolve(pkg.buggyFile()));
            String comment = pkg.language().equals("python") ? "#" : "//";
            return normalize(patched, comment).equals(normalize(pkg.referenceFix(), comment));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whitespace, blank lines and end-of-line comments do not count: {@code a%b} equals {@code a % b}. (A comment
     * marker inside a string literal would be cut too; the comparison is for reporting only.)
     */
    static String normalize(String s, String commentMarker) {
        return s.lines().map(l -> {
            int c = l.indexOf(commentMarker);
            return (c >= 0 ? l.substring(0, c) : l).replaceAll("\\s+", "");
        }).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    String oneLine() {
        return String.format("%s: %d candidates, %.1f s%s%s", outcome, candidates, seconds,
                firstPlausibleS >= 0 ? String.format(", first plausible at %.1f s", firstPlausibleS) : "",
                sameAsReference ? ", same as reference" : (outcome.equals("plausible") ? "" : " (" + detail + ")"));
    }
}
