package dev.aap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code aap} command line in a child JVM, as a user would, with its own AAP_HOME. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Process start(Path home, Map<String, String> env, String... args) throws IOException {
        var cmd = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd);
        pb.environment().put("AAP_HOME", home.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(Path home, String... args) throws Exception {
        return run(home, Map.of(), args);
    }

    static Result run(Path home, Map<String, String> env, String... args) throws Exception {
        Process p = start(home, env, args);
        p.getOutputStream().close();
        var err = new StringBuilder();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aap " + String.join(" ", args) + " did not finish in 240 s");
        }
        t.join();
        return new Result(p.exitValue(), out, err.toString());
    }

    /** Copies a bundled example into a fresh git repository with one commit. */
    static Path exampleRepo(String example, Path target) throws Exception {
        Path src = Path.of(System.getProperty("user.dir")).getParent().resolve("examples").resolve(example);
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path rel = src.relativize(p);
                if (rel.toString().startsWith("target") || rel.toString().contains("__pycache__")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        git(target, "init", "-q", "-b", "main");
        git(target, "config", "user.name", "Test User");
        git(target, "config", "user.email", "test@example.com");
        git(target, "add", "-A");
        git(target, "commit", "-q", "-m", "initial");
        return target;
    }

    static String git(Path dir, String... args) throws Exception {
        var cmd = new ArrayList<String>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out.strip();
    }
}
