package acme.sessions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Web sessions that expire after a period of inactivity; every use of a session extends it. */
public class SessionStore {

    private final long idleLimitMillis;
    private final Map<String, Map<String, String>> data = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();

    public SessionStore(long idleLimitMillis) {
        this.idleLimitMillis = idleLimitMillis;
    }

    public void create(String id, long nowMillis) {
        data.put(id, new HashMap<>());
        lastSeen.put(id, nowMillis);
    }

    private boolean alive(String id, long nowMillis) {
        Long seen = lastSeen.get(id);
        return seen != null && nowMillis - seen <= idleLimitMillis;
    }

    /** Reads an attribute; reading counts as activity. */
    public Optional<String> get(String id, String key, long nowMillis) {
        if (!alive(id, nowMillis)) {
            return Optional.empty();
        }
        lastSeen.put(id, nowMillis);
        return Optional.ofNullable(data.get(id).get(key));
    }

    public boolean put(String id, String key, String value, long nowMillis) {
        if (!alive(id, nowMillis)) {
            return false;
        }
        lastSeen.put(id, nowMillis);
        data.get(id).put(key, value);
        return true;
    }

    /** Drops expired sessions; returns how many were dropped. */
    public int sweep(long nowMillis) {
        int before = data.size();
        data.keySet().removeIf(id -> !alive(id, nowMillis));
        lastSeen.keySet().retainAll(data.keySet());
        return before - data.size();
    }

    public int size() {
        return data.size();
    }
}
