package dev.aap.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The append side of the audit trail: each call adds one signed record linked to the one before it. Safe for many
 * threads and, through the store's lock, for several processes sharing one {@code AAP_HOME}.
 */
public final class AuditLog {

    /** Longest string allowed in details: enough for a reason, too short to smuggle prompt or code text in. */
    static final int MAX_DETAIL_CHARS = 2000;

    private final AuditStore store;
    private final Supplier<AuditKeys> keys;
    private final Clock clock;

    private AuditLog(AuditStore store, Supplier<AuditKeys> keys, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    /** The CLI's log: day files under {@code home/audit}, the key under {@code home/keys} (made on first append). */
    public static AuditLog open(Path home) {
        return open(home, Clock.systemUTC(), false);
    }

    /** As {@link #open(Path)} with a clock (tests, day boundaries) and an fsync after each record when asked. */
    public static AuditLog open(Path home, Clock clock, boolean fsync) {
        return new AuditLog(AuditStore.files(home.resolve("audit"), fsync),
                memoized(() -> AuditKeys.loadOrCreate(home)), clock);
    }

    /** A log over any store (the server's table), signed with {@code keys}. */
    public static AuditLog over(AuditStore store, AuditKeys keys, Clock clock) {
        return new AuditLog(store, () -> keys, clock);
    }

    /**
     * Appends a record and returns it.
     *
     * @param runId   the run, or null outside a run
     * @param details digests, exit codes, durations, reasons; strings longer than 2000 characters are refused
     */
    public AuditRecord append(String runId, String actor, String action, ObjectNode details) {
        ObjectNode d = details == null ? JsonNodeFactory.instance.objectNode() : details;
        refuseText(d, "details");
        AuditKeys k = keys.get();
        return store.append(last -> {
            long seq = last.map(r -> r.seq() + 1).orElse(1L);
            String prev = last.map(AuditRecord::hash).orElse(AuditRecord.NO_PREV);
            var unsigned = new AuditRecord(seq, clock.instant().truncatedTo(ChronoUnit.MILLIS), runId, actor, action,
                    d, k.id(), prev, null);
            return unsigned.withSig(k.sign(unsigned.signedBytes()));
        });
    }

    /** The id of the key records are signed with (loads or makes the key). */
    public String keyId() {
        return keys.get().id();
    }

    private static void refuseText(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().length() > MAX_DETAIL_CHARS) {
            throw new IllegalArgumentException(path + " has " + node.textValue().length() + " characters: audit details"
                    + " hold digests, exit codes, durations and reasons, not prompt or code text");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                refuseText(e.getValue(), path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = s.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
