package dev.aap.core.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canonical bytes are the same before writing and after reading back, whatever the details hold. */
class AuditRecordTest {

    @TempDir
    Path home;

    @Test
    void awkwardDetailsSurviveTheFileAndStillVerify() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("reason", "quote \" backslash \\ newline \n tab \t bell \u0007 é 日本 😀");
        d.put("ratio", 0.1 + 0.2).put("big", 1e21).put("small", 1.5e-7).put("negative", -0.0);
        d.put("huge", new BigInteger("123456789012345678901234567890"));
        d.putArray("exits").add(0).add(1).addNull().add(true);
        d.putObject("z").put("b", 1).put("a", 2);
        AuditLog log = AuditLog.open(home);

        AuditRecord written = log.append("run-1", "webhook:github:octocat", "forge.comment", d);
        AuditRecord read = AuditStore.files(home.resolve("audit")).read(null).getFirst();

        assertThat(read.toLine()).isEqualTo(written.toLine());
        assertThat(read.toLine()).contains("\"z\":{\"a\":2,\"b\":1}").contains("\\n tab \\t bell \\u0007 é 日本 😀");
        assertThat(AuditVerifier.verify(home, null)).isInstanceOf(AuditVerifier.Intact.class);
    }

    @Test
    void theSignatureCoversEverythingButItself() {
        var r = new AuditRecord(3, Instant.parse("2026-03-01T09:00:00Z"), null, "aap", "git.push",
                JsonNodeFactory.instance.objectNode(), "0123456789abcdef", AuditRecord.NO_PREV, "c2ln");

        assertThat(new String(r.signedBytes())).isEqualTo("{\"action\":\"git.push\",\"actor\":\"aap\",\"details\":{},"
                + "\"key\":\"0123456789abcdef\",\"prev\":\"" + AuditRecord.NO_PREV + "\",\"runId\":null,\"seq\":3,"
                + "\"time\":\"2026-03-01T09:00:00Z\"}");
        assertThat(r.toLine()).endsWith(",\"sig\":\"c2ln\",\"time\":\"2026-03-01T09:00:00Z\"}");
        assertThat(r.hash()).hasSize(64).isNotEqualTo(r.withSig("b3RoZXI=").hash());
    }

    @Test
    void detailsCannotBeChangedThroughTheRecord() {
        var r = new AuditRecord(1, Instant.now(), null, "aap", "git.push",
                JsonNodeFactory.instance.objectNode().put("commit", "abc"), "0123456789abcdef", AuditRecord.NO_PREV,
                null);
        r.details().put("commit", "def");

        assertThat(r.details().get("commit").asText()).isEqualTo("abc");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        var r = new AuditRecord(1, Instant.now(), null, "aap", "sandbox.exec",
                JsonNodeFactory.instance.objectNode().put("ratio", Double.NaN), "0123456789abcdef",
                AuditRecord.NO_PREV, null);

        assertThatThrownBy(r::signedBytes).hasMessageContaining("finite");
    }
}
