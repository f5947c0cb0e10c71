package dev.aap.core.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Runs commands as plain child processes: limits on time and output only, no isolation at all. */
final class LocalSandbox implements Sandbox {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean isolates() {
        return false;
    }

    @Override
    public ExecResult exec(ExecSpec spec) {
        return ProcessRunner.run(argv(spec), spec, env(spec));
    }

    @Override
    public Process start(ExecSpec spec) {
        return ProcessRunner.start(argv(spec), spec, env(spec));
    }

    private static List<String> argv(ExecSpec spec) {
        var argv = new ArrayList<String>();
        if (spec.limits().memoryBytes() > 0) {
            argv.addAll(List.of("prlimit", "--as=" + spec.limits().memoryBytes(), "--"));
        }
        argv.addAll(spec.command());
        return argv;
    }

    private static java.util.Map<String, String> env(ExecSpec spec) {
        var env = new HashMap<>(System.getenv());
        env.putAll(spec.env());
        return env;
    }
}
