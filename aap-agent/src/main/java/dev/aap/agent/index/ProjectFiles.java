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
final class ProjectFiles {

    private ProjectFiles() {
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

    /** Paths relative to {@code dir}, with {@code /} separators, in git's order. */
    static List<String> list(Path dir) {
        String out = git(dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        var files = new ArrayList<String>();
        String last = null;
        for (String f : out.split("\0")) {
            // a file with merge conflicts is listed once per stage; a newline in a name would break the manifest
            if (!f.isEmpty() && !f.equals(last) && f.indexOf('\n') < 0) {
                files.add(f);
                last = f;
            }
        }
        return files;
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
