package dev.aap.server.store;

import dev.aap.core.EnvironmentException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The PostgreSQL that {@code aap serve} brings along: data under {@code AAP_HOME/pg/data}, kept between starts. A
 * second aap process on the same home (a token command while the server runs) joins the running one instead of
 * starting another.
 */
final class EmbeddedPg implements AutoCloseable {

    private final EmbeddedPostgres pg;
    private final int port;

    private EmbeddedPg(EmbeddedPostgres pg, int port) {
        this.pg = pg;
        this.port = port;
    }

    static EmbeddedPg start(Path pgHome) {
        Path data = pgHome.resolve("data");
        Integer running = runningPort(data);
        if (running != null) {
            return new EmbeddedPg(null, running);
        }
        try {
            Files.createDirectories(pgHome);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(pgHome.resolve("bin").toFile())
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(pgHome.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(pgHome.resolve("postgres.log").toFile()))
                    .start();
            return new EmbeddedPg(pg, pg.getPort());
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentException("cannot start the embedded PostgreSQL under " + pgHome + ": "
                    + Database.rootMessage(e) + " (see " + pgHome.resolve("postgres.log")
                    + "; or point AAP_DATABASE_URL at a PostgreSQL server)");
        }
    }

    /** The port of a postmaster already serving this data directory, from its {@code postmaster.pid}. */
    private static Integer runningPort(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return null;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Integer.parseInt(lines.get(3).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    public void close() {
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                throw new EnvironmentException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }
}
