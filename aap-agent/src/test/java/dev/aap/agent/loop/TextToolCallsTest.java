package dev.aap.agent.loop;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextToolCallsTest {

    private static final Set<String> TOOLS = Set.of("view_file", "run_tests", "submit", "propose_edit");

    @Test
    void readsAHermesStyleCallInATag() {
        List<ToolExecutionRequest> calls = TextToolCalls.extract("Let me look.\n<tool_call>\n{\"name\": \"view_file\","
                + " \"arguments\": {\"path\": \"pricing.py\"}}\n</tool_call>", TOOLS, 3);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).name()).isEqualTo("view_file");
        assertThat(calls.get(0).arguments()).isEqualTo("{\"path\":\"pricing.py\"}");
        assertThat(calls.get(0).id()).isEqualTo("text-call-3-0");
    }

    @Test
    void readsFencedOpenAiStyleFunctionObjectsAndStringArguments() {
        String text = "```json\n{\"function\": {\"name\": \"propose_edit\", \"arguments\": \"{\\\"file_path\\\": \\\"a.py\\\"}\"}}\n```"
                + "\nthen {\"tool\": \"run_tests\", \"parameters\": {}}";
        List<ToolExecutionRequest> calls = TextToolCalls.extract(text, TOOLS, 1);
        assertThat(calls).extracting(ToolExecutionRequest::name).containsExactly("propose_edit", "run_tests");
        assertThat(calls.get(0).arguments()).isEqualTo("{\"file_path\": \"a.py\"}");
    }

    @Test
    void leavesProseAndUnknownNamesAlone() {
        assertThat(TextToolCalls.extract("The map {\"a\": 1} has a brace } in it", TOOLS, 1)).isEmpty();
        assertThat(TextToolCalls.extract("{\"name\": \"rm_rf\", \"arguments\": {}}", TOOLS, 1)).isEmpty();
        assertThat(TextToolCalls.extract(null, TOOLS, 1)).isEmpty();
        assertThat(TextToolCalls.extract("{\"name\": \"submit\", \"arguments\": {\"summary\": \"a } b\"}", TOOLS, 1))
                .as("an unclosed object is not a call").isEmpty();
    }

    @Test
    void findsACallNestedInAWrapperObject() {
        var calls = TextToolCalls.extract("{\"tool_call\": {\"name\": \"submit\", \"arguments\": {\"summary\": \"done {x}\"}}}",
                TOOLS, 2);
        assertThat(calls).extracting(ToolExecutionRequest::name).containsExactly("submit");
        assertThat(calls.get(0).arguments()).contains("done {x}");
    }
}
