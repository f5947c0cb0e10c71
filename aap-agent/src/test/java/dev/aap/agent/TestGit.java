package dev.aap.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs real git commands in a temporary repository, for the tests of every package of this module. */
public final class TestGit {

    private TestGit() {
    }

    public static void init(Path dir) {
        run(dir, "init", "-q");
    }

    public static void commitAll(Path dir) {
        run(dir, "add", "-A");
        run(dir, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "base");
    }

    /** Added plus removed lines of the work tree against HEAD, as {@code git diff --numstat HEAD} counts them. */
    public static int changedLines(Path dir) {
        int total = 0;
        for (String line : run(dir, "diff", "--numstat", "HEAD").lines().toList()) {
            String[] f = line.split("\t");
            total += Integer.parseInt(f[0]) + Integer.parseInt(f[1]);
        }
        return total;
    }

    public static String run(Path dir, String... args) {
        var cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
