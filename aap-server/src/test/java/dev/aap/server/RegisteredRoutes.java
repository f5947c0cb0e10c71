package dev.aap.server;

import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The HTTP routes a running server has registered, read from Javalin's router rather than copied by hand. */
public final class RegisteredRoutes {

    /** One route: its method, its path in OpenAPI form ({@code {name}}), and the scope it needs, if any. */
    public record Route(String method, String path, Optional<String> scope) {

        /** The path with each parameter replaced by the given value (same value for every parameter). */
        public String with(String value) {
            return path.replaceAll("\\{[^}]+}", value);
        }
    }

    private RegisteredRoutes() {
    }

    /**
     * The API's routes. The dashboard's pages, fragments and assets ({@code /}, {@code /runs/…}, {@code /ui/…},
     * {@code /assets/…}) are not part of the API document; {@code WebRoutesTest} holds them to their scopes.
     */
    public static List<Route> of(Server server) {
        return server.app().unsafe.internalRouter.allHttpHandlers().stream()
                .map((ParsedEndpoint p) -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .filter(e -> e.path.startsWith("/api/") || e.path.startsWith("/webhooks/") || Set.of("/healthz", "/readyz", "/metrics", "/openapi.json")
                        .contains(e.path))
                .map(RegisteredRoutes::route)
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    private static Route route(Endpoint e) {
        Roles roles = e.metadata(Roles.class);
        Set<RouteRole> set = roles == null ? Set.of() : roles.getRoles();
        if (set.size() > 1) {
            throw new IllegalStateException(e.path + " names more than one scope: " + set);
        }
        Optional<String> scope = set.stream().findFirst().map(r -> ((dev.aap.server.api.Scope) r).label());
        // Javalin writes a slash-accepting parameter as <name>, OpenAPI knows only {name}
        String path = e.path.replace('<', '{').replace('>', '}');
        return new Route(e.method.name(), path, scope);
    }
}
