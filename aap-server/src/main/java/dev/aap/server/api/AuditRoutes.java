package dev.aap.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.audit.AuditKeys;
import dev.aap.core.audit.AuditRecord;
import dev.aap.core.audit.AuditVerifier;
import dev.aap.server.store.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/v1/audit}: the server's audit trail for an administrator, read in pages or verified against the public
 * keys under this server's {@code AAP_HOME/keys}.
 */
final class AuditRoutes {

    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 5000;

    private final Services s;

    AuditRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/audit", this::records, Scope.ADMIN);
        r.get("/api/v1/audit/verify", this::verify, Scope.ADMIN);
    }

    private void records(Context ctx) {
        String run = ctx.queryParam("run");
        if (run != null && !Requests.NAME.matcher(run).matches()) {
            throw Problem.badRequest("run must be a run id");
        }
        long after = number(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<AuditRecord> page = s.auditTable().page(run, day(ctx), after, limit);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("records");
        // the records as signed (camelCase, as in the day files), so that a client can check them itself
        page.forEach(rec -> items.add(rec.json()));
        out.put("next_after", page.size() < limit ? null : page.getLast().seq());
        ctx.json(out);
    }

    private void verify(Context ctx) {
        AuditVerifier.Result r = s.auditTable().verify(day(ctx), AuditKeys.trusted(s.config().home()));
        ObjectNode n = Json.MAPPER.createObjectNode();
        switch (r) {
            case AuditVerifier.Intact ok -> {
                n.put("intact", true);
                n.put("records", ok.records());
                n.set("keys", Json.MAPPER.valueToTree(ok.keys()));
                n.put("head", ok.head());
            }
            case AuditVerifier.Broken bad -> {
                n.put("intact", false);
                n.put("seq", bad.seq());
                n.put("position", bad.line());
                n.put("problem", bad.problem().name());
                n.put("meaning", bad.problem().meaning());
                n.put("detail", bad.detail());
            }
        }
        n.put("message", r.message());
        ctx.json(n);
    }

    private static LocalDate day(Context ctx) {
        String since = ctx.queryParam("since");
        if (since == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(since);
            if (d.getYear() >= 1 && d.getYear() <= 9999) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw Problem.badRequest("since must be a UTC day such as 2026-01-31 (years 1 to 9999)");
    }

    private static long number(Context ctx, String name, long min, long max, long otherwise) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.badRequest(name + " must be a whole number from " + min + " to " + max);
    }
}
