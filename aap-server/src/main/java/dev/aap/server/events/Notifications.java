package dev.aap.server.events;

import dev.aap.server.store.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection per process that LISTENs to the cluster's notifications ({@code aap_queue}, {@code aap_events},
 * {@code aap_runs}) and hands them on; it reconnects when the database goes away.
 */
public final class Notifications implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    private final Database.Connection target;
    private final EventHub hub;
    private final Runnable queueChanged;
    private volatile boolean running = true;
    private final Thread thread;

    public Notifications(Database.Connection target, EventHub hub, Runnable queueChanged) {
        this.target = target;
        this.hub = hub;
        this.queueChanged = queueChanged;
        this.thread = Thread.ofPlatform().name("aap-notifications").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try (Connection c = connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN aap_queue");
                    s.execute("LISTEN aap_events");
                    s.execute("LISTEN aap_runs");
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] ns = pg.getNotifications(1000);
                    if (ns == null) {
                        continue;
                    }
                    for (PGNotification n : ns) {
                        dispatch(n.getName(), n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.log(Level.WARNING, "lost the notification connection; reconnecting: " + e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private void dispatch(String channel, String payload) {
        switch (channel) {
            case "aap_queue" -> queueChanged.run();
            case "aap_events" -> hub.signal(payload);
            case "aap_runs" -> {
                hub.runChanged(payload);
                queueChanged.run();
            }
            default -> {
            }
        }
    }

    private Connection connect() throws SQLException {
        var props = new Properties();
        props.setProperty("user", target.user());
        props.setProperty("password", target.password());
        return DriverManager.getConnection(target.jdbcUrl(), props);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
