package dev.aap.forge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A local git working repository for tests: files written, commits made under a fixed identity, git run in it. */
public final class WorkRepo {

    private final Path dir;

    private WorkRepo(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch {@code main} with one commit holding {@code file}. */
    public static WorkRepo init(Path dir, String file, String text) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkRepo repo = new WorkRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.commit(file, text, "start");
        return repo;
    }

    /** A clone of {@code url} (no credentials: the fake forge's repositories are public unless told otherwise). */
    public static WorkRepo clone(String url, Path dir) {
        new WorkRepo(dir.getParent()).git("clone", "-q", url, dir.toString());
        return new WorkRepo(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code file}, commits it with {@code message} and returns the new commit. */
    public String commit(String file, String text, String message) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return head();
    }

    public String head() {
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git and returns its output; a failure is an {@link IllegalStateException} with git's error. */
    public String git(String... args) {
        Outcome r = run(Map.of(), args);
        if (r.exit() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + r.err());
        }
        return r.out();
    }

    /** Runs git with extra environment and returns whatever happened. */
    public Outcome run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test Person",
                "-c", "user.email=person@example.com", "-c", "credential.helper=", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
            }
            return new Outcome(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one git command did. */
    public record Outcome(int exit, String out, String err) {
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
