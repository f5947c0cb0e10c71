package dev.aap.server.api;

import dev.aap.server.store.Tokens;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;

import java.util.Map;
import java.util.Set;

/**
 * Checks each request against the scope its route needs: 401 without a live token, 403 without the scope, 429 over
 * the token's rate. Routes that name no scope are open.
 */
final class Auth {

    static final String TOKEN_ATTRIBUTE = "aap.token";

    private final Tokens tokens;
    private final RateLimiter limiter;

    Auth(Tokens tokens, int requestsPerMinute) {
        this.tokens = tokens;
        this.limiter = new RateLimiter(requestsPerMinute);
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            refused(ctx, null, null, header == null ? "no token" : "not a bearer token");
            throw unauthorized("send a token: Authorization: Bearer <token> (aap token create makes one)");
        }
        String token = header.substring(7).trim();
        String hash = TokenSecrets.hash(token);
        Tokens.TokenInfo info = tokens.byHash(hash).orElse(null);
        if (info == null) {
            refused(ctx, null, hash.substring(0, 12), "unknown or revoked token");
            throw unauthorized("the token is unknown or revoked");
        }
        for (RouteRole r : roles) {
            Scope needed = (Scope) r;
            if (!needed.grantedBy(info.scopes())) {
                refused(ctx, info.name(), null, "missing scope " + needed.label());
                throw new Problem(403, "Forbidden", "this needs a token with the scope '" + needed.label()
                        + "'; this token has " + String.join(", ", info.scopes()));
            }
        }
        long wait = limiter.acquire(info.name());
        if (wait > 0) {
            throw Problem.tooMany("token '" + info.name() + "' is over its rate limit; retry in " + wait + " s",
                    wait);
        }
        ctx.attribute(TOKEN_ATTRIBUTE, info.name());
    }

    /** Leaves the refusal for the audit record written once the answer is known. */
    private static void refused(Context ctx, String name, String hashPrefix, String reason) {
        ctx.attribute(ApiAudit.REFUSED_ATTRIBUTE, new ApiAudit.Refusal(name, hashPrefix, reason));
    }

    private static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail, Map.of("WWW-Authenticate", "Bearer"));
    }
}
