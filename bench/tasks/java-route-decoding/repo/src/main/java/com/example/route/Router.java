package com.example.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the handler for a request path among routes tried in the order they were added. */
public final class Router {

    /** A matched route: the handler's name and the parameters captured from the path. */
    public record Match(String handler, Map<String, String> params) {
    }

    private record Entry(Route route, String handler) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public Router add(String template, String handler) {
        entries.add(new Entry(Route.of(template), handler));
        return this;
    }

    public Optional<Match> resolve(String path) {
        for (Entry e : entries) {
            var params = e.route().match(path);
            if (params.isPresent()) {
                return Optional.of(new Match(e.handler(), params.get()));
            }
        }
        return Optional.empty();
    }
}
