package dev.aap.server.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.store.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static ObjectNode event(String type, String step, long atMillis) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("type", type).put("time", T0.plusMillis(atMillis).toString());
        return step == null ? n : n.put("step", step);
    }

    @Test
    void pairsEachStartWithItsFinishInStartOrder() {
        Timeline t = Timeline.of(List.of(event("step_started", "prepare", 0), event("step_finished", "prepare", 1200),
                event("step_started", "code", 1300), event("step_finished", "code", 4300)), T0.plusSeconds(60), true);

        assertThat(t.steps()).containsExactly(new Timeline.Step("prepare", "done", Duration.ofMillis(1200)),
                new Timeline.Step("code", "done", Duration.ofMillis(3000)));
        assertThat(t.maxMillis()).isEqualTo(3000);
    }

    @Test
    void aStepWithoutFinishRunsUntilNowWhileTheRunGoesOn() {
        Timeline t = Timeline.of(List.of(event("step_started", "verify", 0)), T0.plusMillis(2500), false);

        assertThat(t.steps()).containsExactly(new Timeline.Step("verify", "running", Duration.ofMillis(2500)));
    }

    @Test
    void aStepCutShortByTheRunsEndIsStoppedAtTheLastEvent() {
        Timeline t = Timeline.of(List.of(event("step_started", "code", 0), event("run_finished", null, 800)),
                T0.plusSeconds(3600), true);

        assertThat(t.steps()).containsExactly(new Timeline.Step("code", "stopped", Duration.ofMillis(800)));
    }

    @Test
    void aStepStartedAgainAfterATakeOverIsTimedFromItsNewStart() {
        Timeline t = Timeline.of(List.of(event("step_started", "code", 0), event("step_started", "code", 5000),
                event("step_finished", "code", 5400)), T0.plusSeconds(60), true);

        assertThat(t.steps()).containsExactly(new Timeline.Step("code", "done", Duration.ofMillis(400)));
    }

    @Test
    void eventsWithoutStepOrTimeAndAnEmptyRunGiveNoSteps() {
        ObjectNode noTime = Json.MAPPER.createObjectNode().put("type", "step_started").put("step", "x");
        assertThat(Timeline.of(List.of(noTime, event("model_called", null, 10)), T0, false).steps()).isEmpty();
        assertThat(Timeline.of(List.of(), T0, false).maxMillis()).isEqualTo(1);
    }
}
