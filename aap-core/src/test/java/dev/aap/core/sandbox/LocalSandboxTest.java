package dev.aap.core.sandbox;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSandboxTest {

    @TempDir
    Path work;

    @Test
    void saysItIsolatesNothing() {
        assertThat(Sandbox.select("none").isolates()).isFalse();
    }

    @Test
    void capturesExitCodeAndBothStreams() {
        ExecResult r = Sandbox.select("none").exec(ExecSpec.of(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                work, new Limits(Duration.ofSeconds(10), 0, 0, 1 << 16, false)));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
    }

    @Test
    void timeoutKillsChildrenToo() {
        ExecResult r = Sandbox.select("none").exec(ExecSpec.of(List.of("sh", "-c", "touch started; sleep 100 & sleep 100"),
                work, new Limits(Duration.ofMillis(500), 0, 0, 1 << 16, false)));
        assertThat(r.timedOut()).isTrue();
        assertThat(work.resolve("started")).exists();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isZero();
    }

    @Test
    void rejectsUnknownSandboxName() {
        assertThatThrownBy(() -> Sandbox.select("docker")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bwrap, none or auto");
    }

    @Test
    void missingCommandIsAnEnvironmentError() {
        assertThatThrownBy(() -> Sandbox.select("none").exec(ExecSpec.of(List.of("aap-no-such-tool-xyz"), work,
                new Limits(Duration.ofSeconds(5), 0, 0, 1 << 16, false))))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("aap-no-such-tool-xyz");
    }
}
