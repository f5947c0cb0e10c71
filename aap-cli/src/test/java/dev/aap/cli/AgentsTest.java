package dev.aap.cli;

import dev.aap.agent.model.ScriptedModelServer;
import dev.aap.agent.model.Reply;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/agents}: the brains, and each model endpoint checked live. */
class AgentsTest {

    @Test
    void aModelThatAnswersIsOkAndOneThatIsDownIsFailedWithWhy() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (var server = ScriptedModelServer.ollama()) {
            server.enqueue(Reply.text("OK"));
            Map<?, ?> up = (Map<?, ?>) new Agents("ollama:qwen2.5-coder", server.baseUrl()).describe();
            assertThat(up.get("default_strategy")).isEqualTo("llm");
            List<?> models = (List<?>) up.get("models");
            assertThat(models).hasSize(1);
            Map<?, ?> model = (Map<?, ?>) models.get(0);
            assertThat(model.get("model")).isEqualTo("ollama:qwen2.5-coder");
            assertThat(model.get("status")).isEqualTo("ok");
            assertThat(server.requests()).hasSize(1);
        }

        Map<?, ?> down = (Map<?, ?>) new Agents("ollama:qwen2.5-coder", "http://127.0.0.1:" + closedPort).describe();
        Map<?, ?> model = (Map<?, ?>) ((List<?>) down.get("models")).get(0);
        assertThat(model.get("status")).isEqualTo("failed");
        assertThat((String) model.get("detail")).isNotBlank();
    }

    @Test
    void withoutAModelOnlyTheSearchBrainIsAvailable() {
        Map<?, ?> none = (Map<?, ?>) new Agents(null, null).describe();
        assertThat(none.get("default_strategy")).isEqualTo("search");
        assertThat((List<?>) none.get("models")).isEmpty();
        assertThat(none.get("brains").toString()).contains("name=search", "available=true")
                .contains("name=llm");
    }
}
