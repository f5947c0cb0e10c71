package dev.aap.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.store.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Puts the routes, the checks every request passes, and the one mapping from errors to HTTP answers together. */
public final class Api {

    private static final Logger LOG = Logger.getLogger(Api.class.getName());
    private static final String STARTED = "aap.started";
    private static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile(
            "%(?![0-9A-Fa-f]{2})");

    private final Services s;
    private final Auth auth;
    private final ApiAudit audit;

    public Api(Services s) {
        this.s = s;
        this.auth = new Auth(s.tokens(), s.config().requestsPerMinute());
        this.audit = new ApiAudit(s.audit());
    }

    /** Configures Javalin: JSON, limits, virtual threads, filters, routes and error answers. */
    public void configure(JavalinConfig config) {
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = s.config().maxBodyBytes();
        config.startup.showJavalinBanner = false;
        config.router.ignoreTrailingSlashes = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
        var r = config.routes;
        r.before(this::before);
        r.beforeMatched(auth::check);
        r.after(this::after);
        new RunRoutes(s).register(r);
        new EventRoutes(s).register(r);
        new AdminRoutes(s).register(r);
        new AuditRoutes(s).register(r);
        new SystemRoutes(s).register(r);
        new WebhookRoutes(s).register(r);
        new dev.aap.server.web.WebRoutes(s).register(config);
        r.exception(Problem.class, (e, ctx) -> problem(ctx, e));
        r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, new Problem(e.getStatus(),
                reason(e.getStatus()), e.getMessage() == null ? reason(e.getStatus()) : e.getMessage())));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.log(Level.SEVERE, "unexpected error on " + ctx.method() + " " + ctx.path(), e);
            problem(ctx, new Problem(500, "Internal Server Error", "aap failed on this request; the server log has"
                    + " the details"));
        });
        r.error(404, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, Problem.notFound("no such route: " + ctx.method() + " " + Requests.truncate(ctx.path(),
                        200)));
            }
        });
        r.error(405, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, new Problem(405, "Method Not Allowed", ctx.method() + " is not allowed here"));
            }
        });
    }

    private void before(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        if (BAD_ESCAPE.matcher(ctx.req().getRequestURI()).find()) {
            // Javalin decodes path parameters with URLDecoder, which throws on a '%' without two hex digits
            throw Problem.badRequest("the path has a '%' that is not followed by two hexadecimal digits");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'self'");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        String origin = ctx.header("Origin");
        if (origin != null && s.config().corsOrigins().contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, Last-Event-ID");
            ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE");
        }
    }

    private void after(Context ctx) {
        Long t0 = ctx.attribute(STARTED);
        if (t0 == null) {
            return;
        }
        // in an after-filter endpoint() is that filter ("*"): the route is the HTTP handler the request matched
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("aap.http.requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode())).publishPercentiles(0.5, 0.95, 0.99)
                .register(s.metrics()).record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        audit.after(ctx, route);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    static void problem(Context ctx, Problem p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "about:blank");
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.detail());
        n.put("instance", Requests.truncate(ctx.path(), 200));
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            ctx.header(h.getKey(), h.getValue());
        }
        ctx.status(p.status()).contentType("application/problem+json").result(Json.write(n));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Error";
        };
    }

    /** A classpath resource's bytes, or null. */
    static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
