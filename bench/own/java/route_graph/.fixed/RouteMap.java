package acme.transit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A transit network of stops joined by two-way links; finds routes with the fewest stops. */
public class RouteMap {

    private final Map<String, Set<String>> links = new HashMap<>();

    public void addStop(String stop) {
        links.computeIfAbsent(stop, s -> new LinkedHashSet<>());
    }

    /** Joins two stops; links work in both directions. */
    public void link(String a, String b) {
        addStop(a);
        addStop(b);
        links.get(a).add(b);
        links.get(b).add(a);
    }

    /** The stops from start to goal with the fewest hops, or an empty list when goal cannot be reached. */
    public List<String> route(String start, String goal) {
        if (!links.containsKey(start) || !links.containsKey(goal)) {
            return List.of();
        }
        Map<String, String> cameFrom = new HashMap<>();
        cameFrom.put(start, null);
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String stop = queue.removeFirst();
            if (stop.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String s = goal; s != null; s = cameFrom.get(s)) {
                    path.add(s);
                }
                Collections.reverse(path);
                return path;
            }
            for (String next : links.get(stop)) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, stop);
                    queue.addLast(next);
                }
            }
        }
        return List.of();
    }

    public int degree(String stop) {
        return links.getOrDefault(stop, Set.of()).size();
    }
}
