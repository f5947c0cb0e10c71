package dev.aap.agent.index;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The files git would show for a project directory: tracked plus untracked-but-not-ignored. */
final class WorkTreeFiles {

    private WorkTreeFiles() {
    }

    /** Fails with what to do when {@code dir} is missing or not inside a git work tree. */
    static void requireWorkTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory");
        }
        String out = git(dir, "rev-parse", "--is-inside-work-tree");
        if (!out.strip().equals("true")) {
            throw new BadInputException(dir + " is not inside a git work tree (run 'git init' there first)");
        }
    }

    /**
     * Untracked files under build-output directories (a project without a .gitignore still has Maven's target/ or
     * pytest's caches after its tests ran): test reports and compiled copies are not code to retrieve.
     */
    private static final java.util.regex.Pattern BUILD_OUTPUT = java.util.regex.Pattern.compile(
            "(^|.*/)(target|build|out|dist|node_modules|__pycache__|\\.pytest_cache|\\.mypy_cache|\\.gradle|\\.tox"
            + "|\\.venv|venv|[^/]+\\.egg-info)/.*");

    static boolean buildOutput(String file) {
        return BUILD_OUTPUT.matcher(file).matches();
    }

    /** Paths relative to {@code dir}, with {@code /} separators, sorted. */
    static List<String> list(Path dir) {
        var files = new java.util.TreeSet<String>();
        add(files, git(dir, "ls-files", "-z", "--cached"), false);
        // untracked files count too (new work), but not those a build or test run left behind
        add(files, git(dir, "ls-files", "-z", "--others", "--exclude-standard"), true);
        return new ArrayList<>(files);
    }

    private static void add(java.util.Set<String> files, String nulSeparated, boolean skipBuildOutput) {
        for (String f : nulSeparated.split("\0")) {
            // a file with merge conflicts is listed once per stage (the set keeps one); a newline in a name would
            // break the manifest
            if (!f.isEmpty() && f.indexOf('\n') < 0 && !(skipBuildOutput && buildOutput(f))) {
                files.add(f);
            }
        }
    }

    private static String git(Path dir, String... args) {
        var cmd = new ArrayList<String>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EnvironmentException("git " + args[0] + " did not finish in 60 s in " + dir);
            }
            if (p.exitValue() != 0) {
                throw new BadInputException(dir + " is not inside a git work tree (run 'git init' there first)");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("cannot run git (is it installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running git in " + dir);
        }
    }
}
