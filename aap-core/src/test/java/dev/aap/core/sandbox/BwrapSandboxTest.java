package dev.aap.core.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BwrapSandboxTest {

    @TempDir
    Path work;

    @BeforeAll
    static void needsBubblewrap() {
        // CI installs bubblewrap; a developer machine without it skips rather than fails
        assumeTrue(Sandbox.bwrapProblem() == null, "bubblewrap not usable: " + Sandbox.bwrapProblem());
    }

    private ExecResult sh(String script, Limits limits) {
        return Sandbox.select("bwrap").exec(ExecSpec.of(List.of("sh", "-c", script), work, limits));
    }

    private static Limits quick() {
        return new Limits(Duration.ofSeconds(20), 0, 0, 1 << 20, false);
    }

    @Test
    void networkIsUnreachable() throws Exception {
        // a TCP listener on the host's loopback: reachable without the sandbox, not from inside it
        try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            ExecResult plain = Sandbox.select("none").exec(ExecSpec.of(List.of("bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + port + " && echo connected"), work, quick()));
            assertThat(plain.stdout()).contains("connected");
            ExecResult boxed = Sandbox.select("bwrap").exec(ExecSpec.of(List.of("bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + port + " && echo connected || echo refused"), work, quick()));
            assertThat(boxed.stdout()).contains("refused").doesNotContain("connected");
        }
    }

    @Test
    void writesOutsideTheWorkspaceFail(@TempDir Path elsewhere) {
        Path target = elsewhere.resolve("escaped.txt");
        ExecResult r = sh("echo x > " + target + " && echo wrote || echo denied; echo y > inside.txt", quick());
        assertThat(r.stdout()).contains("denied");
        assertThat(target).doesNotExist();
        assertThat(work.resolve("inside.txt")).exists();
    }

    @Test
    void tmpIsPrivate() {
        sh("echo secret > /tmp/aap-private-probe", quick());
        assertThat(Path.of("/tmp/aap-private-probe")).doesNotExist();
    }

    @Test
    void wallTimeKillsTheWholeProcessTree() throws Exception {
        long t0 = System.nanoTime();
        ExecResult r = sh("(sleep 2; touch survivor) & sleep 300", quick().withWallTime(Duration.ofSeconds(1)));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        // the background child would create the file after 2 s if it had outlived the sandbox
        Thread.sleep(3_000);
        assertThat(work.resolve("survivor")).doesNotExist();
    }

    @Test
    void hugeOutputIsCutAtTheLimit() {
        ExecResult r = sh("head -c 50000000 /dev/zero | tr '\\0' 'a'", quick().withMaxOutputBytes(10_000));
        assertThat(r.succeeded()).isTrue();
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.stdout().length()).isLessThan(10_200);
    }

    @Test
    void hostPathsUnderTmpAreExposedByTheirTopDirectory() throws Exception {
        Path inside = Files.createDirectories(work.resolve("a/b"));
        var tops = BwrapSandbox.hiddenByPrivateTmp(List.of(inside, Path.of("/usr/lib"), work.resolve("missing")));
        if (work.toAbsolutePath().startsWith("/tmp")) {
            assertThat(tops).containsExactly(Path.of("/tmp").resolve(work.toAbsolutePath().getName(1)));
        } else {
            assertThat(tops).isEmpty();
        }
    }

    @Test
    void unrelatedFilesUnderTmpStayHidden() throws Exception {
        // only what aap itself runs from is exposed; any other directory under /tmp stays behind the private tmpfs
        assumeTrue(work.toAbsolutePath().startsWith("/tmp"), "temp dirs are not under /tmp here");
        Path other = Files.createTempDirectory(Path.of("/tmp"), "aap-host-");
        try {
            Files.writeString(other.resolve("lib.txt"), "library");
            var spec = ExecSpec.of(List.of("sh", "-c", "cat " + other.resolve("lib.txt")), work, quick());
            // not exposed: hidden by the private /tmp
            assertThat(Sandbox.select("bwrap").exec(spec).stdout()).doesNotContain("library");
        } finally {
            Files.deleteIfExists(other.resolve("lib.txt"));
            Files.deleteIfExists(other);
        }
    }

    @Test
    void systemIsReadOnly() {
        ExecResult r = sh("touch /usr/aap-probe 2>/dev/null && echo wrote || echo read-only", quick());
        assertThat(r.stdout()).contains("read-only");
        assertThat(Files.exists(Path.of("/usr/aap-probe"))).isFalse();
    }

    @Test
    void memoryLimitStopsAHungryProcess() {
        ExecResult r = sh("python3 -c 'x = bytearray(800 * 1024 * 1024); print(\"allocated\")'",
                quick().withMemoryBytes(256L << 20));
        assertThat(r.stdout()).doesNotContain("allocated");
        assertThat(r.exitCode()).isNotZero();
    }
}
