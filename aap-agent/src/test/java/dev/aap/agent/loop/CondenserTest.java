package dev.aap.agent.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.tool.Observation;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CondenserTest {

    static final String TASK = "Fix the last page.";
    final List<ChatMessage> history = new ArrayList<>(List.of(SystemMessage.from("You fix bugs."),
            UserMessage.from(TASK)));
    int ids;

    /** One turn: a call and its result of {@code chars} characters. */
    void turn(String tool, String arguments, String result) {
        var call = ToolExecutionRequest.builder().id("c" + ++ids).name(tool).arguments(arguments).build();
        history.add(AiMessage.from(call));
        history.add(ToolExecutionResultMessage.from(call, result));
    }

    static String file(String name, int lines) {
        var sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            sb.append(String.format("%5d| ", i)).append("int value").append(i).append(" = compute(").append(i)
                    .append(", \"padding to make the line long enough\");\n");
        }
        return name + " (" + lines + " lines), lines 1-" + lines + ":\n" + Observation.untrusted("file:" + name, sb.toString());
    }

    @Test
    void sendsEverythingWholeBelowTheTrigger() {
        turn("view_file", "{\"path\": \"A.java\"}", file("A.java", 20));
        var condenser = new Condenser(new TokenEstimator(), 32_768, 4096);

        Condenser.View view = condenser.view(history, List.of());

        assertThat(view.messages()).isEqualTo(history);
        assertThat(view.condensedNow()).isZero();
        assertThat(view.fits()).isTrue();
    }

    @Test
    void condensesOldestObservationsFirstAndKeepsTheLatestFourWhole() {
        for (int i = 0; i < 8; i++) {
            turn("view_file", "{\"path\": \"F" + i + ".java\", \"start_line\": 1, \"end_line\": 100}",
                    file("F" + i + ".java", 100));
        }
        int window = 20_000;
        var condenser = new Condenser(new TokenEstimator(), window, 4096);

        Condenser.View view = condenser.view(history, List.of());

        assertThat(view.tokensBefore()).isGreaterThan((int) (window * Condenser.TRIGGER));
        assertThat(view.tokens()).isLessThanOrEqualTo((int) (window * Condenser.TARGET));
        List<String> results = results(view.messages());
        assertThat(results.subList(4, 8)).isEqualTo(results(history).subList(4, 8));
        assertThat(results.getFirst()).isEqualTo("[view_file F0.java 1 100: F0.java (100 lines), lines 1-100: (103"
                + " lines condensed; call view_file again to see them)]");
        assertThat(view.messages().subList(0, 2)).isEqualTo(history.subList(0, 2));
    }

    @Test
    void aCondensedMessageStaysCondensedTheSameWayAsTheHistoryGrows() {
        for (int i = 0; i < 8; i++) {
            turn("view_file", "{\"path\": \"F" + i + ".java\"}", file("F" + i + ".java", 100));
        }
        var condenser = new Condenser(new TokenEstimator(), 20_000, 4096);
        Condenser.View first = condenser.view(history, List.of());

        turn("list_dir", "{\"path\": \".\"}", "src/\npom.xml\n");
        Condenser.View second = condenser.view(history, List.of());

        assertThat(second.condensedNow()).isZero();
        assertThat(second.messages().subList(0, first.messages().size())).isEqualTo(first.messages());
    }

    @Test
    void testOutputIsCondensedToItsFirstLineStillMarkedUntrusted() {
        String summary = "FAILED: 1 of 3 tests fail.\n" + "- demo.PagerTest#lastPage: expected <true>\n".repeat(30);
        turn("run_tests", "{}", Observation.untrusted("tests", summary));
        var call = ToolExecutionRequest.builder().id("x").name("run_tests").arguments("{}").build();

        String line = Condenser.oneLine((ToolExecutionResultMessage) history.getLast(), call);

        assertThat(line).startsWith("[run_tests: <untrusted source=\"tests\"> FAILED: 1 of 3 tests fail. </untrusted>")
                .endsWith("condensed; call run_tests again to see them)]");
    }

    @Test
    void longArgumentsOfACondensedTurnAreClippedAndStayJson() throws Exception {
        String patch = "x".repeat(5000);
        var call = ToolExecutionRequest.builder().id("e1").name("propose_edit")
                .arguments("{\"file_path\": \"A.java\", \"patch\": \"" + patch + "\", \"locator\": {\"line\": 3}}")
                .build();

        AiMessage clipped = Condenser.clipped(AiMessage.from("I will now edit A.java.", List.of(call)));

        String args = clipped.toolExecutionRequests().getFirst().arguments();
        var n = new ObjectMapper().readTree(args);
        assertThat(n.get("file_path").asText()).isEqualTo("A.java");
        assertThat(n.get("patch").asText()).hasSizeLessThan(300).endsWith("[... 4800 characters condensed]");
        assertThat(n.at("/locator/line").asInt()).isEqualTo(3);
        assertThat(clipped.toolExecutionRequests().getFirst().id()).isEqualTo("e1");
        assertThat(clipped.text()).isEqualTo("I will now edit A.java.");
    }

    @Test
    void underPressureOnlyTheLatestObservationStaysWhole() {
        for (int i = 0; i < 3; i++) {
            turn("view_file", "{\"path\": \"F" + i + ".java\"}", file("F" + i + ".java", 100));
        }
        var condenser = new Condenser(new TokenEstimator(), 4_000, 1000);

        Condenser.View view = condenser.view(history, List.of());

        List<String> results = results(view.messages());
        assertThat(results.subList(0, 2)).allSatisfy(r -> assertThat(r).startsWith("[view_file"));
        assertThat(results.get(2)).isEqualTo(results(history).get(2));
        assertThat(view.fits()).isTrue();
    }

    @Test
    void aStatedWindowWithACountedPromptBecomesTheWindow() {
        for (int i = 0; i < 6; i++) {
            turn("view_file", "{\"path\": \"F" + i + ".java\"}", file("F" + i + ".java", 100));
        }
        var tokens = new TokenEstimator();
        var condenser = new Condenser(tokens, 128_000, 4096);
        Condenser.View sent = condenser.view(history, List.of());
        long raw = TokenEstimator.raw(sent.messages(), List.of());

        // the provider counted half again as many tokens as we estimated, more than its window of 16k
        tokens.observeExact(raw, (int) (raw * 1.5));
        condenser.refused(sent, 16_000, List.of());
        Condenser.View next = condenser.view(history, List.of());

        assertThat(tokens.ratio()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(condenser.window()).isEqualTo(16_000);
        assertThat(condenser.ceiling()).isEqualTo(16_000 - 4000);
        assertThat(next.tokens()).isLessThanOrEqualTo(condenser.ceiling());
        assertThat(next.messages().get(1)).isEqualTo(UserMessage.from(TASK));
    }

    @Test
    void aRefusalWithoutAWindowHalvesTheAim() {
        for (int i = 0; i < 6; i++) {
            turn("view_file", "{\"path\": \"F" + i + ".java\"}", file("F" + i + ".java", 100));
        }
        var condenser = new Condenser(new TokenEstimator(), 128_000, 4096);
        Condenser.View sent = condenser.view(history, List.of());

        condenser.refused(sent, -1, List.of());

        assertThat(condenser.ceiling()).isEqualTo(sent.tokens() / 2);
        assertThat(condenser.view(history, List.of()).tokens()).isLessThanOrEqualTo(sent.tokens() / 2);
    }

    static List<String> results(List<ChatMessage> messages) {
        return messages.stream().filter(m -> m instanceof ToolExecutionResultMessage)
                .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
    }
}
