package dev.aap.agent;

import dev.aap.agent.index.SourceSymbols;
import dev.aap.agent.index.Symbol;
import dev.aap.agent.tool.Observation;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestFiles;
import dev.aap.core.pipeline.StrategyContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Coder is asked to do, per task kind, and the test code it should read first: the failing targets'
 * source (repair), the tests written ahead of the code (tdd), or where tests live and how they look (issue).
 */
final class TaskBrief {

    private static final int TEST_SOURCE_CHARS = 4000;

    private TaskBrief() {
    }

    /** The opening paragraph: the task and its success criterion in the model's terms. */
    static String task(StrategyContext ctx, String tests) {
        String issue = ctx.task().issue().isBlank() ? "" : ", resolving the issue";
        return switch (ctx.kind()) {
            case REPAIR -> {
                var b = new StringBuilder("Task: make the failing target tests pass without breaking any test that"
                        + " passes now" + issue + ". Targets: " + String.join(", ", ctx.targets().stream().limit(10)
                        .toList()) + (ctx.targets().size() > 10 ? ", ..." : "") + ".");
                List<String> other = ctx.baseline().report().failing().stream().map(TestCase::id)
                        .filter(id -> !ctx.targets().contains(id)).toList();
                if (!other.isEmpty()) {
                    b.append(" These tests already fail and are not targets; leave them alone: ")
                            .append(String.join(", ", other.stream().limit(10).toList())).append('.');
                }
                yield b.toString();
            }
            case ISSUE -> "Task: resolve the issue below. All " + ctx.baseline().report().executed() + " tests pass"
                    + " on the current code, so the issue has no test yet. Work in this order:\n"
                    + "1. Write a new test (or a few) that reproduces the issue: it must FAIL on the current code with"
                    + " an assertion or an exception, because of the issue. Put it beside the existing tests ("
                    + tests + "), in their style.\n"
                    + "2. Call run_tests. aap also runs your new tests on the base commit and tells you which of them"
                    + " fail there. Code changes are refused until one does.\n"
                    + "3. Change the code until every test passes (the new ones and the old ones), run_tests, then"
                    + " submit.\n"
                    + "Never change, weaken or delete existing tests.";
            case TDD -> "Task: the tests in " + String.join(", ", ctx.targets()) + " were written first and use code"
                    + " that does not exist yet (the errors are below). Write that code so that these tests compile"
                    + " and pass, without changing them and without breaking the other tests" + issue + ".";
        };
    }

    /** The source of the tests the task is about, within a budget; empty when there is none to show. */
    static String testSource(StrategyContext ctx, List<Path> sources) {
        Path project = ctx.workspace().projectDir();
        var b = new StringBuilder();
        switch (ctx.kind()) {
            case REPAIR -> {
                for (String id : ctx.targets().stream().limit(4).toList()) {
                    definition(project, sources, id).ifPresent(b::append);
                }
            }
            case TDD -> ctx.targets().forEach(f -> b.append(fileHead(project, f, 120)));
            case ISSUE -> sources.stream().map(p -> project.relativize(p).toString())
                    .filter(TestFiles::isTestFile).filter(f -> !f.endsWith("conftest.py")).findFirst()
                    .ifPresent(f -> b.append(fileHead(project, f, 40)));
        }
        String s = b.toString();
        return s.length() > TEST_SOURCE_CHARS ? s.substring(0, TEST_SOURCE_CHARS) + "\n[cut; view_file shows the rest]\n"
                : s;
    }

    /** Where the project's tests are, for the issue-mode instructions. */
    static String testLocations(Path project, List<Path> sources) {
        List<String> tests = sources.stream().map(p -> project.relativize(p).toString())
                .filter(TestFiles::isTestFile).sorted().limit(6).toList();
        return tests.isEmpty() ? "no tests exist yet: use src/test/java/... for Java, tests/test_<module>.py for Python"
                : "e.g. " + String.join(", ", tests);
    }

    /** The test method or function a report id names, numbered like view_file. */
    private static java.util.Optional<String> definition(Path project, List<Path> sources, String id) {
        String file;
        String name;
        if (id.contains("::")) {
            file = id.substring(0, id.indexOf("::"));
            name = id.substring(id.lastIndexOf("::") + 2).replaceAll("\\[.*$", "");
        } else if (id.contains("#")) {
            String cls = id.substring(0, id.indexOf('#'));
            String suffix = "/" + cls.replace('.', '/').replaceAll("\\$.*$", "") + ".java";
            file = sources.stream().map(p -> project.relativize(p).toString()).filter(f -> ("/" + f).endsWith(suffix))
                    .findFirst().orElse(null);
            name = id.substring(id.indexOf('#') + 1).replaceAll("[(\\[].*$", "");
        } else {
            return java.util.Optional.empty();
        }
        if (file == null || !Files.isRegularFile(project.resolve(file))) {
            return java.util.Optional.empty();
        }
        try {
            String text = Files.readString(project.resolve(file));
            List<String> lines = text.lines().toList();
            for (Symbol s : SourceSymbols.of(file, text)) {
                if (s.name().equals(name) && s.endLine() <= lines.size()) {
                    var body = new StringBuilder();
                    for (int i = s.startLine(); i <= s.endLine(); i++) {
                        body.append(String.format("%5d| ", i)).append(lines.get(i - 1)).append('\n');
                    }
                    return java.util.Optional.of(file + ":" + s.startLine() + "-" + s.endLine() + " (" + id + ")\n"
                            + Observation.untrusted("file:" + file, body.toString()) + "\n");
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // the test's source is a help, not a requirement
        }
        return java.util.Optional.empty();
    }

    private static String fileHead(Path project, String file, int maxLines) {
        try {
            List<String> lines = Files.readAllLines(project.resolve(file));
            var body = new StringBuilder();
            for (int i = 1; i <= Math.min(maxLines, lines.size()); i++) {
                body.append(String.format("%5d| ", i)).append(lines.get(i - 1)).append('\n');
            }
            return file + (lines.size() > maxLines ? " (first " + maxLines + " of " + lines.size() + " lines)" : "")
                    + "\n" + Observation.untrusted("file:" + file, body.toString()) + "\n";
        } catch (IOException e) {
            return "";
        }
    }
}
