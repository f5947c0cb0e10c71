package dev.aap.core.build;

import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** pytest: nothing to resolve (the interpreter's packages are used as they are); tests run in the sandbox. */
final class PytestBuild implements BuildTool {

    private final Path projectDir;
    private final String testCommand;
    private final String python;

    PytestBuild(Path projectDir, String testCommand, String python) {
        this.projectDir = projectDir;
        this.testCommand = testCommand;
        this.python = python;
    }

    @Override
    public String name() {
        return "pytest";
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public java.util.Optional<String> python() {
        return java.util.Optional.of(python);
    }

    @Override
    public String testCommandLine() {
        return testCommand != null ? testCommand : python + " -m pytest -q";
    }

    @Override
    public List<String> prepare(BuildContext ctx) {
        // pytest projects bring their dependencies in the interpreter; there is nothing to fetch or compile.
        return List.of();
    }

    @Override
    public List<String> brokenTestFiles(String compileError) {
        return CollectionErrors.missingCode(compileError);
    }

    @Override
    public TestRun runTests(BuildContext ctx) {
        return runTests(ctx, List.of());
    }

    @Override
    public TestRun runTests(BuildContext ctx, List<String> selection) {
        Path xml = ctx.scratch().resolve("pytest-report.xml");
        Workspaces.deleteQuietly(xml);
        List<String> cmd = testCommand != null
                ? List.of("sh", "-c", testCommand)
                : List.of(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=" + xml);
        if (testCommand == null && !selection.isEmpty()) {
            cmd = new java.util.ArrayList<>(cmd);
            for (String t : selection) {
                if (t.isBlank() || t.startsWith("-")) {
                    throw new dev.aap.core.BadInputException("not a test id: '" + t + "' (use path/to/test_x.py::test_name)");
                }
                cmd.add(t);
            }
        }
        var limits = Limits.forTests().withWallTime(ctx.testTimeout());
        var spec = ExecSpec.of(cmd, projectDir, limits).withWritable(List.of(ctx.scratch()))
                .withEnv(Map.of("PYTHONDONTWRITEBYTECODE", "1"));
        ExecResult r = ctx.sandbox().exec(spec);
        TestReport report = JUnitXml.read(xml, true);
        return new TestRun(testCommandLine(), r, report, collectionError(r));
    }

    private static String collectionError(ExecResult r) {
        String out = r.combinedOutput();
        boolean broken = (r.exitCode() == 2 || r.exitCode() == 4)
                && (out.contains("ERROR collecting") || out.contains("SyntaxError") || out.contains("ImportError"));
        return broken ? CollectionErrors.section(out) : null;
    }
}
