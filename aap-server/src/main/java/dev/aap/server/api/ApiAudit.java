package dev.aap.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.audit.AuditLog;
import dev.aap.server.store.Json;
import io.javalin.http.Context;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API token use as audit records: one {@code api.request} per authenticated request that changes something, and one
 * {@code api.refused} per refused authentication. Reads are left out: a dashboard polling every few seconds would
 * bury the records that matter. No record holds a token; an unknown one is named by a prefix of its SHA-256.
 */
final class ApiAudit {

    /** Set by {@link Auth} on a refusal: who was refused and why, for {@link #after(Context, String)}. */
    static final String REFUSED_ATTRIBUTE = "aap.refused";

    private static final Logger LOG = Logger.getLogger(ApiAudit.class.getName());
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Who was refused: a known token's name, or the hash prefix of an unknown one (both null: no token at all). */
    record Refusal(String tokenName, String tokenSha256Prefix, String reason) {
    }

    private final AuditLog log;

    ApiAudit(AuditLog log) {
        this.log = log;
    }

    /** Records the request once it is answered; {@code route} is the matched route's template. */
    void after(Context ctx, String route) {
        if (log == null) {
            return;
        }
        Refusal refused = ctx.attribute(REFUSED_ATTRIBUTE);
        String token = ctx.attribute(Auth.TOKEN_ATTRIBUTE);
        String method = ctx.method().name();
        if (refused != null) {
            ObjectNode d = details(method, route, ctx.statusCode()).put("reason", refused.reason());
            if (refused.tokenName() != null) {
                d.put("token", refused.tokenName());
            }
            if (refused.tokenSha256Prefix() != null) {
                d.put("token_sha256_prefix", refused.tokenSha256Prefix());
            }
            append(refused.tokenName() != null ? "token:" + refused.tokenName()
                    : refused.tokenSha256Prefix() != null ? "token:unknown" : "anonymous", "api.refused", d);
        } else if (token != null && CHANGES.contains(method)) {
            append("token:" + token, "api.request", details(method, route, ctx.statusCode()).put("token", token));
        }
    }

    private static ObjectNode details(String method, String route, int status) {
        return Json.MAPPER.createObjectNode().put("method", method).put("route", route).put("status", status);
    }

    private void append(String actor, String action, ObjectNode details) {
        try {
            log.append(null, actor.replaceAll("\\s+", "_"), action, details);
        } catch (RuntimeException e) {
            // an answered request stays answered; the gap is visible as a missing record, not as a failed call
            LOG.log(Level.WARNING, "cannot append to the audit trail: " + e.getMessage());
        }
    }
}
