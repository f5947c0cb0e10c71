package dev.aap.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One side effect or decision, linked to the record before it by {@code prev} and signed, so that an edit, a removal,
 * a reordering or an insertion shows. {@code details} holds digests, exit codes, durations and reasons, never prompt
 * or code text. {@code sig} is null only on a record that is about to be signed.
 *
 * @param seq    position in the log, 1 for the first record, +1 for each record after it (across day files)
 * @param runId  the run the record belongs to, or null for work outside a run (token use, a webhook)
 * @param actor  who caused it: {@code user:alice}, {@code token:ci}, {@code model:openai:gpt-4o-mini}, {@code aap}
 * @param action what happened, dotted lower case: {@code edit.applied}, {@code sandbox.exec}, {@code git.push}
 * @param key    id of the signing key ({@link AuditKeys#id()})
 * @param prev   SHA-256 hex of the previous record's canonical bytes ({@link #hash()}), 64 zeros for the first
 * @param sig    Ed25519 signature, base64, over {@link #signedBytes()}
 */
public record AuditRecord(long seq, Instant time, String runId, String actor, String action, ObjectNode details,
                          String key, String prev, String sig) {

    /** The {@code prev} of the first record of a log. */
    public static final String NO_PREV = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    public AuditRecord {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
        if (time == null) {
            throw new IllegalArgumentException("time is missing");
        }
        if (runId != null && runId.isBlank()) {
            throw new IllegalArgumentException("runId is blank (use null for no run)");
        }
        if (actor == null || actor.isBlank() || actor.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("actor must be one word like user:alice, got '" + actor + "'");
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must be dotted lower case like edit.applied, got '"
                    + action + "'");
        }
        if (details == null) {
            throw new IllegalArgumentException("details is missing (use an empty object)");
        }
        if (key == null || !KEY_ID.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be 16 hex digits, got '" + key + "'");
        }
        if (prev == null || !HEX64.matcher(prev).matches()) {
            throw new IllegalArgumentException("prev must be 64 hex digits, got '" + prev + "'");
        }
        details = details.deepCopy();
    }

    /** A copy, so that the signed record cannot be changed through it. */
    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }

    /** This record with its signature. */
    public AuditRecord withSig(String signature) {
        return new AuditRecord(seq, time, runId, actor, action, details, key, prev, signature);
    }

    /** The bytes the signature covers: the canonical JSON without {@code sig}. */
    public byte[] signedBytes() {
        ObjectNode n = json();
        n.remove("sig");
        return Canonical.bytes(n);
    }

    /** The canonical JSON of the whole record; a log file holds exactly these bytes, one record a line. */
    public byte[] canonicalBytes() {
        return Canonical.bytes(json());
    }

    /** SHA-256 hex of {@link #canonicalBytes()}: the next record's {@code prev}. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The record as one line of a log file (no line break). */
    public String toLine() {
        return new String(canonicalBytes(), StandardCharsets.UTF_8);
    }

    /** The record as a JSON object (a copy). */
    public ObjectNode json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("seq", seq);
        n.put("time", time.toString());
        if (runId == null) {
            n.putNull("runId");
        } else {
            n.put("runId", runId);
        }
        n.put("actor", actor);
        n.put("action", action);
        n.set("details", details.deepCopy());
        n.put("key", key);
        n.put("prev", prev);
        if (sig != null) {
            n.put("sig", sig);
        }
        return n;
    }

    /** Reads a record from one line of a log; the exception's message says what is missing or malformed. */
    public static AuditRecord parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return fromJson(n);
    }

    /** Reads a record from its JSON object. */
    public static AuditRecord fromJson(JsonNode n) {
        for (String f : new String[] {"seq", "time", "runId", "actor", "action", "details", "key", "prev", "sig"}) {
            if (!n.has(f)) {
                throw new IllegalArgumentException("field '" + f + "' is missing");
            }
        }
        if (n.size() != 9) {
            throw new IllegalArgumentException("has " + n.size() + " fields, a record has 9");
        }
        if (!n.get("seq").isIntegralNumber() || !n.get("details").isObject() || !n.get("sig").isTextual()) {
            throw new IllegalArgumentException("seq, details or sig has the wrong type");
        }
        Instant time;
        try {
            time = Instant.parse(n.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + n.get("time").asText() + "' is not an instant");
        }
        JsonNode run = n.get("runId");
        return new AuditRecord(n.get("seq").longValue(), time, run.isNull() ? null : run.asText(),
                n.get("actor").asText(), n.get("action").asText(), (ObjectNode) n.get("details"),
                n.get("key").asText(), n.get("prev").asText(), n.get("sig").asText());
    }
}
