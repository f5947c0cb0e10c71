package dev.aap.core.workspace;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Thin wrapper over the git command line, run outside any sandbox (git is trusted, the repository is data). */
public final class Git {

    /** The outcome of one git command. */
    public record Result(int exitCode, String out, String err) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Git() {
    }

    /** Runs git in {@code dir}; never throws for a non-zero exit (callers decide what it means). */
    public static Result run(Path dir, String... args) {
        return run(dir, java.util.Map.of(), args);
    }

    /**
     * Runs git in {@code dir} with extra environment variables (credentials reach git this way, never through its
     * arguments or configuration files).
     */
    public static Result run(Path dir, java.util.Map<String, String> env, String... args) {
        var argv = new ArrayList<String>(List.of("git", "-c", "core.quotepath=off", "-c", "advice.detachedHead=false"));
        argv.addAll(List.of(args));
        var pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String[] err = new String[1];
            Thread errReader = Thread.ofVirtual().start(() -> err[0] = read(p.getErrorStream()));
            String out = read(p.getInputStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EnvironmentException("git " + String.join(" ", args) + " did not finish in 120 s");
            }
            errReader.join();
            return new Result(p.exitValue(), out, err[0] == null ? "" : err[0]);
        } catch (IOException e) {
            throw new EnvironmentException("git is not installed or not runnable: " + e.getMessage()
                    + " (install it with apt-get install -y git)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running git");
        }
    }

    /** Runs git and returns trimmed stdout, or throws when it fails. */
    public static String check(Path dir, String... args) {
        Result r = run(dir, args);
        if (!r.ok()) {
            throw new EnvironmentException("git " + String.join(" ", args) + " failed in " + dir + ": "
                    + r.err().strip());
        }
        return r.out().strip();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
