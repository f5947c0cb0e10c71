package acme.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Routes request paths to handlers by path prefix; the longest matching prefix wins. */
public class Router {

    private record Route(String prefix, String handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router mount(String prefix, String handler) {
        String p = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        routes.add(new Route(p, handler));
        return this;
    }

    private static boolean under(String path, String prefix) {
        if (prefix.equals("/")) {
            return true;
        }
        return path.endsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The handler for the path, ignoring any query string. */
    public Optional<String> resolve(String path) {
        int q = path.indexOf('?');
        String clean = q >= 0 ? path.substring(0, q) : path;
        return routes.stream().filter(r -> under(clean, r.prefix()))
                .max(Comparator.comparingInt(r -> r.prefix().length()))
                .map(Route::handler);
    }
}
