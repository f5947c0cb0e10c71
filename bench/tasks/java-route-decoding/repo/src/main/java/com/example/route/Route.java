package com.example.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path template such as {@code /users/{id}/files/{name}}: literal segments must be equal, {@code {name}} segments
 * match any one non-empty segment and capture it.
 */
public final class Route {

    private final String template;
    private final List<String> segments;

    private Route(String template, List<String> segments) {
        this.template = template;
        this.segments = segments;
    }

    public static Route of(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
        return new Route(template, split(template));
    }

    public String template() {
        return template;
    }

    /** The captured parameters when the path matches this route; the query string is ignored. */
    public Optional<Map<String, String>> match(String path) {
        int query = path.indexOf('?');
        List<String> parts = split(query >= 0 ? path.substring(0, query) : path);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String want = segments.get(i);
            String got = parts.get(i);
            if (want.startsWith("{") && want.endsWith("}")) {
                if (got.isEmpty()) {
                    return Optional.empty();
                }
                params.put(want.substring(1, want.length() - 1), got);
            } else if (!want.equals(got)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** The segments between slashes; a trailing slash does not add an empty one. */
    private static List<String> split(String path) {
        List<String> out = new ArrayList<>(List.of(path.substring(1).split("/", -1)));
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
