package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsAndEventsTest {

    @Test
    void masksEachKindOfCredentialAndKeepsWhatSurroundsIt() {
        assertThat(Secrets.mask("Authorization: Bearer abc.DEF-123")).isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.mask("token aap_" + "x".repeat(40) + " used")).isEqualTo("token *** used");
        assertThat(Secrets.mask("OPENAI_API_KEY=sk-proj-abcdefgh12345 and sk-ant-api03-zzzzzzzzzz"))
                .isEqualTo("OPENAI_API_KEY=*** and ***");
        assertThat(Secrets.mask("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(Secrets.mask("{\"password\": \"pw\"}")).isEqualTo("{\"password\": \"***\"}");
        assertThat(Secrets.mask("PRIVATE-TOKEN: glpat-xyz")).isEqualTo("PRIVATE-TOKEN: ***");
        assertThat(Secrets.mask("postgresql://aap:p%40ss@db:5432/aap")).isEqualTo("postgresql://aap:***@db:5432/aap");
        assertThat(Secrets.mask("run 20261129-101500-a1b2c3 ended SUCCEEDED; see https://example.com:8080/x"))
                .isEqualTo("run 20261129-101500-a1b2c3 ended SUCCEEDED; see https://example.com:8080/x");
    }

    @Test
    void everyEventTheServerStreamsIsReadBackAsTheSameRecord() {
        var mapper = new ObjectMapper();
        List<Event> events = List.of(new Event.RunStarted("r", "abc", "llm", "bwrap", false),
                new Event.RunResumed(List.of("baseline")), new Event.StepStarted("localize"),
                new Event.StepFinished("localize", 12, "ok"),
                new Event.ChecksRan("baseline", "mvn test", 1, 10, 2, 300, "log"),
                new Event.Localized(4, List.of("A.java:3")),
                new Event.CandidateValidated(1, "A.java", 3, "flip", "d", "PASS", 5),
                new Event.PlausibleFound(1, "A.java", 3, "d", 1, 40),
                new Event.ModelCalled("coder", "m", 1, 2, 3, false, 0.1),
                new Event.ToolCalled(1, "edit", "A.java", true, 4), new Event.AgentStopped("SUBMITTED", "done", 3),
                new Event.PolicyDecided(true, List.of()), new Event.CriticReviewed("ok", List.of("n")),
                new Event.Integrated("aap/x", "0123456789abcdef"), new Event.Warning("w"),
                new Event.RunFinished("SUCCEEDED", 0, "m"));
        assertThat(events).hasSize(Event.class.getPermittedSubclasses().length);
        for (Event e : events) {
            var json = mapper.valueToTree(EventLog.toJson("20261129-101500-a1b2c3", 7, Instant.now(), e));
            assertThat(RunFollower.decode((com.fasterxml.jackson.databind.JsonNode) json)).contains(e);
        }
    }

    @Test
    void eventsOfUnknownTypesBecomeOneCompactLine() throws Exception {
        var json = new ObjectMapper().readTree("{\"seq\":3,\"time\":\"t\",\"run_id\":\"r\",\"type\":\"lease_renewed\","
                + "\"node\":\"n1\",\"attempt\":2}");
        assertThat(RunFollower.decode(json)).isEmpty();
        assertThat(RunFollower.compact(json)).isEqualTo("lease renewed: node n1, attempt 2");
    }
}
