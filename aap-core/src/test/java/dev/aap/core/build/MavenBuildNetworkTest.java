package dev.aap.core.build;

import dev.aap.core.sandbox.RealSandbox;
import dev.aap.core.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network both ways in the real sandbox: Maven's dependency resolution (prepare) may reach the network, the test
 * run may not. A stand-in {@code mvnw} tries a TCP listener on the host's loopback and writes what happened; the
 * listener counts the connections it really got.
 */
class MavenBuildNetworkTest {

    @TempDir
    Path project;

    @TempDir
    Path scratch;

    @Test
    void resolutionReachesTheNetworkAndTheTestRunDoesNot() throws Exception {
        Sandbox bwrap = RealSandbox.bwrap();
        var accepted = new AtomicInteger();
        try (var server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (var ignored = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            writeMvnw(server.getLocalPort());
            var build = new MavenBuild(project, null);
            var ctx = new BuildContext(bwrap, project, scratch, Duration.ofSeconds(30));

            build.prepare(ctx);
            assertThat(Files.readString(project.resolve("net.log"))).isEqualTo("resolve: connected\n");
            assertThat(accepted.get()).isEqualTo(1);

            build.runTests(ctx);
            assertThat(Files.readString(project.resolve("net.log")))
                    .isEqualTo("resolve: connected\ntest: refused\n");
            assertThat(accepted.get()).isEqualTo(1);
        }
    }

    /** A Maven wrapper that only probes the network: "resolve" for the prepare call, "test" for the offline run. */
    private void writeMvnw(int port) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Path mvnw = project.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/bash
                case " $* " in *" -o "*) step=test ;; *) step=resolve ;; esac
                if (exec 3<>/dev/tcp/127.0.0.1/%d) 2>/dev/null; then r=connected; else r=refused; fi
                echo "$step: $r" >> net.log
                """.formatted(port));
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
