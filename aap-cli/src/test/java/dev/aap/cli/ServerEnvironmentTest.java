package dev.aap.cli;

import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as a user runs them, in their own JVM: server and token from the environment, the embedded database. */
class ServerEnvironmentTest {

    @TempDir
    Path tmp;

    @Test
    void submitAndRunsTakeTheServerAndTokenFromTheEnvironment() throws Exception {
        try (Server server = TestServers.start(tmp.resolve("home"), job -> {
            throw new IllegalStateException("unused");
        })) {
            String token = server.adminToken().orElseThrow();
            Path repo = TestServers.repo(tmp.resolve("repo"));
            assertThat(new Http(server.url(), token).post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo
                    + "\"}").status()).isEqualTo(201);
            var env = Map.of("AAP_SERVER", server.url() + "/", "AAP_TOKEN", token);

            Cli.Result submitted = Cli.run(tmp.resolve("client"), env, "submit", "--repo", "demo", "--strategy",
                    "noop", "--wait");
            assertThat(submitted.exitCode()).as(submitted.err()).isZero();
            assertThat(submitted.out()).startsWith("SUCCEEDED: nothing to do (noop)");
            assertThat(submitted.err()).contains("finished: SUCCEEDED (exit 0)");

            Cli.Result runs = Cli.run(tmp.resolve("client"), env, "runs");
            assertThat(runs.exitCode()).isZero();
            assertThat(runs.out()).contains("SUCCEEDED   0     noop");
            // nothing from the libraries (logback, HTTP client) between aap's own lines
            assertThat(runs.err()).isEmpty();
        }
    }

    @Test
    void aTokenCommandStartsTheEmbeddedDatabaseWhenNoneRunsAndStopsItAgain() throws Exception {
        Path home = tmp.resolve("home");
        Cli.Result made = Cli.run(home, "token", "create", "--name", "first", "--scopes", "admin");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out().strip()).matches("aap_[A-Za-z0-9]{40}");
        assertThat(made.err()).isEqualTo("aap: token 'first' (admin) is shown only once: keep it now; the server"
                + " stores only its hash\n");
        assertThat(home.resolve("pg/data/PG_VERSION")).exists();
        assertThat(home.resolve("pg/data/postmaster.pid")).doesNotExist();

        Cli.Result listed = Cli.run(home, "token", "list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).containsPattern("first +admin");
        assertThat(Files.exists(home.resolve("pg/data/postmaster.pid"))).isFalse();
    }
}
