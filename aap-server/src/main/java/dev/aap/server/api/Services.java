package dev.aap.server.api;

import dev.aap.server.ServerConfig;
import dev.aap.server.events.EventHub;
import dev.aap.server.queue.Worker;
import dev.aap.server.store.Database;
import dev.aap.server.store.Events;
import dev.aap.server.store.Repos;
import dev.aap.server.store.Runs;
import dev.aap.server.store.Steps;
import dev.aap.server.store.Tokens;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the routes work with; {@code audit} appends to {@code auditTable}. */
public record Services(ServerConfig config, String node, Database db, Runs runs, Repos repos, Tokens tokens,
                       Events events, Steps steps, EventHub hub, Worker worker, Artifacts artifacts,
                       PrometheusMeterRegistry metrics, dev.aap.server.WebhookSettings webhooks,
                       dev.aap.server.store.Deliveries deliveries, dev.aap.core.audit.AuditLog audit,
                       dev.aap.server.store.AuditTable auditTable) {
}
