package dev.aap.agent.loop;

import dev.aap.agent.cache.CachingGateway;
import dev.aap.agent.cache.ResponseCache;
import dev.aap.agent.usage.PriceTable;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.event.EventLog;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCallerTest {

    static final List<ChatMessage> PROMPT = List.of(SystemMessage.from("You plan."), UserMessage.from("Plan it."));

    @TempDir
    Path run;

    private Trajectory trajectory;
    private EventLog events;
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final UsageMeter meter = new UsageMeter(PriceTable.builtIn());

    @BeforeEach
    void setUp() {
        trajectory = Trajectory.open(run.resolve("trajectory.jsonl"));
        events = EventLog.open("run-1", run.resolve("events.jsonl"));
    }

    @AfterEach
    void tearDown() {
        trajectory.close();
        events.close();
    }

    @Test
    void everyRequestCarriesTheCallersTemperatureZeroByDefault() {
        gateway.text("a").text("b");
        var caller = new ModelCaller(gateway, meter, trajectory, events);

        caller.call("planner", PROMPT, 0, List.of(), 100);
        caller.withTemperature(0.8).call("planner", PROMPT, 0, List.of(), 100);

        assertThat(gateway.requests).extracting(r -> r.temperature()).containsExactly(0.0, 0.8);
        assertThat(caller.temperature()).isZero();
    }

    @Test
    void aCallerAtAnotherTemperatureSharesMeterTrajectoryAndWaitingButMissesTheCache() throws Exception {
        gateway.text("first").text("explored");
        var cached = new CachingGateway(gateway, new ResponseCache(run.resolve("cache")));
        var caller = new ModelCaller(cached, meter, trajectory, events);
        ModelCaller warmer = caller.withTemperature(0.7);

        caller.call("planner", PROMPT, 0, List.of(), 100);
        caller.call("planner", PROMPT, 0, List.of(), 100); // the same request: answered by the cache
        String explored = warmer.call("planner", PROMPT, 0, List.of(), 100).message().text();

        assertThat(explored).isEqualTo("explored");
        assertThat(gateway.requests).hasSize(2);
        assertThat(meter.total().modelCalls()).isEqualTo(3);
        assertThat(warmer.meter()).isSameAs(caller.meter());
        assertThat(warmer.waitedMillis()).isEqualTo(caller.waitedMillis());
        assertThat(Files.readAllLines(run.resolve("trajectory.jsonl")))
                .filteredOn(l -> l.contains("\"kind\":\"model_request\""))
                .extracting(l -> l.contains("\"temperature\":0.7")).containsExactly(false, false, true);
    }

    @Test
    void refusesATemperatureOutsideWhatProvidersTake() {
        var caller = new ModelCaller(gateway, meter, trajectory, events);

        assertThatThrownBy(() -> caller.withTemperature(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caller.withTemperature(2.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
