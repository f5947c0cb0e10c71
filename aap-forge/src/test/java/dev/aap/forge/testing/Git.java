package dev.aap.forge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The few git commands the fake forge runs on its bare repositories. */
final class Git {

    private Git() {
    }

    /** A bare clone of {@code source} that accepts pushes over smart HTTP. */
    static void bareClone(Path source, Path bare) {
        run(null, "clone", "--quiet", "--bare", source.toAbsolutePath().toString(), bare.toString());
        run(bare, "config", "http.receivepack", "true");
    }

    static Optional<String> tip(Path bare, String branch) {
        return optional(bare, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch + "^{commit}");
    }

    static String defaultBranch(Path bare) {
        return optional(bare, "symbolic-ref", "--short", "HEAD").orElse("main");
    }

    static Optional<String> mergeBase(Path bare, String a, String b) {
        return optional(bare, "merge-base", "refs/heads/" + a, "refs/heads/" + b);
    }

    static Optional<String> show(Path bare, String commit, String path) {
        return optional(bare, "show", commit + ":" + path);
    }

    private static Optional<String> optional(Path dir, String... args) {
        Result result = exec(dir, args);
        return result.exit == 0 ? Optional.of(result.out.strip()) : Optional.empty();
    }

    static String run(Path dir, String... args) {
        Result result = exec(dir, args);
        if (result.exit != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + result.err.strip());
        }
        return result.out;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result exec(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        if (dir != null) {
            command.addAll(List.of("-C", dir.toString()));
        }
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            // git's output here is small; reading stderr after stdout cannot fill a pipe and stall
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
