package dev.aap.forge.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small table of {@code METHOD /path/{var}} routes over a call's decoded path segments. */
final class Routes {

    /** The work behind one route; variables hold the values of the route's {@code {name}} segments. */
    interface Handler {
        void handle(Call call, Map<String, String> variables) throws IOException;
    }

    private record Route(String method, String[] parts, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes on(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern.substring(1).split("/"), handler));
        return this;
    }

    /** Runs the matching route; empty when none matches, so the caller answers 404. */
    Optional<Boolean> dispatch(Call call) throws IOException {
        for (Route route : routes) {
            Map<String, String> variables = match(route, call.segments);
            if (variables != null && route.method.equals(call.method)) {
                route.handler.handle(call, variables);
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> match(Route route, List<String> segments) {
        if (route.parts.length != segments.size()) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < route.parts.length; i++) {
            String part = route.parts[i];
            if (part.startsWith("{")) {
                variables.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return variables;
    }
}
