package dev.aap.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSONL stream for a write-once store: a header record with the public keys (PEM) and the head hash, then every
 * record's line as the log holds it, so the copy can be verified on its own, away from {@code AAP_HOME}.
 */
public final class AuditExport {

    /** The header's {@code type}. */
    public static final String TYPE = "aap.audit.export";

    private AuditExport() {
    }

    /**
     * Writes the header and the records; returns how many records were written.
     *
     * @param since the first day exported, or null for all (recorded in the header: the first record's prev is then
     *              taken as given when the export is verified)
     */
    public static long write(List<AuditRecord> records, Map<String, PublicKey> keys, LocalDate since, Writer out) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("type", TYPE);
        header.put("version", 1);
        header.put("exportedAt", Instant.now().toString());
        header.put("since", since == null ? null : since.toString());
        header.put("records", records.size());
        header.put("head", records.isEmpty() ? AuditRecord.NO_PREV : records.getLast().hash());
        ObjectNode pems = header.putObject("keys");
        new TreeMap<>(keys).forEach((id, k) -> pems.put(id, AuditKeys.pem(k)));
        try {
            out.write(new String(Canonical.bytes(header), StandardCharsets.UTF_8));
            out.write('\n');
            for (AuditRecord r : records) {
                out.write(r.toLine());
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records.size();
    }

    /** Verifies an export with the keys in its own header; compare their ids with the ones you trust. */
    public static AuditVerifier.Result verify(Path exportFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(exportFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + exportFile + " (" + e.getMessage() + ")");
        }
        JsonNode header = header(exportFile, lines);
        Map<String, PublicKey> keys = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.get("keys").fields(); it.hasNext(); ) {
            var e = it.next();
            PublicKey k = AuditKeys.publicFrom(e.getValue().asText());
            keys.put(AuditKeys.idOf(k), k);
        }
        List<DayFiles.Line> body = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            body.add(new DayFiles.Line(exportFile.getFileName().toString(), i + 1, lines.get(i)));
        }
        return AuditVerifier.verifyLines(body, header.get("since").isNull(), keys);
    }

    private static JsonNode header(Path file, List<String> lines) {
        try {
            JsonNode h = lines.isEmpty() ? null : new ObjectMapper().readTree(lines.getFirst());
            if (h != null && TYPE.equals(h.path("type").asText()) && h.path("keys").isObject() && h.has("since")) {
                return h;
            }
        } catch (IOException | IllegalArgumentException e) {
            // reported below
        }
        throw new BadInputException(file + " does not start with an aap audit export header: make one with"
                + " aap audit export");
    }
}
