package dev.aap.core.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command to run in a sandbox.
 *
 * @param command  argv; the first element is looked up on PATH
 * @param workdir  working directory; it and {@code writable} are the only writable places besides a private /tmp
 * @param writable extra directories the command may write (e.g. a build cache); usually empty
 * @param env      environment variables added to a minimal base environment
 * @param limits   resource limits
 */
public record ExecSpec(List<String> command, Path workdir, List<Path> writable, Map<String, String> env, Limits limits) {

    public ExecSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        Objects.requireNonNull(workdir, "workdir");
        writable = List.copyOf(writable);
        env = Map.copyOf(env);
        Objects.requireNonNull(limits, "limits");
    }

    public static ExecSpec of(List<String> command, Path workdir, Limits limits) {
        return new ExecSpec(command, workdir, List.of(), Map.of(), limits);
    }

    public ExecSpec withEnv(Map<String, String> more) {
        var merged = new java.util.HashMap<>(env);
        merged.putAll(more);
        return new ExecSpec(command, workdir, writable, merged, limits);
    }

    public ExecSpec withWritable(List<Path> dirs) {
        return new ExecSpec(command, workdir, dirs, env, limits);
    }
}
