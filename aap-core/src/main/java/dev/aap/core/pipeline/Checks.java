package dev.aap.core.pipeline;

import dev.aap.core.build.TestRun;
import dev.aap.core.run.RunStore;
import dev.aap.core.secrets.Redactor;

import java.nio.file.Path;

/** Writes check logs and text artifacts into the run directory, secrets masked (test output and diffs hold them too). */
final class Checks {

    private Checks() {
    }

    static void log(Path runDir, String name, TestRun run) {
        var b = new StringBuilder();
        b.append("$ ").append(run.command()).append('\n');
        b.append("exit ").append(run.exec().exitCode()).append(run.exec().timedOut() ? " (timed out)" : "")
                .append(" after ").append(run.exec().elapsed().toMillis()).append(" ms; tests ")
                .append(run.report().total()).append(", failing ").append(run.report().failing().size()).append("\n\n");
        run.report().failing().forEach(t -> b.append("FAILED ").append(t.id()).append(": ")
                .append(t.message().lines().findFirst().orElse("")).append('\n'));
        b.append('\n').append(run.exec().combinedOutput());
        write(runDir.resolve("checks").resolve(name + ".log"), b.toString());
    }

    private static final Redactor REDACTOR = Redactor.standard();

    static void write(Path file, String text) {
        RunStore.write(file, REDACTOR.redact(text));
    }
}
