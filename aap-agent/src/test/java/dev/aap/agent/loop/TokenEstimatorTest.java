package dev.aap.agent.loop;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

class TokenEstimatorTest {

    static final List<ChatMessage> PROMPT = List.of(SystemMessage.from("s".repeat(350)),
            UserMessage.from("u".repeat(3500)));

    @Test
    void countsThreeAndAHalfCharactersPerTokenPlusOverheadPerMessageAndCall() {
        var call = ToolExecutionRequest.builder().id("1").name("view_file").arguments("{\"path\": \"A.java\"}").build();

        assertThat(TokenEstimator.raw(PROMPT, List.of())).isEqualTo(100 + 1000 + 2 * TokenEstimator.PER_MESSAGE);
        assertThat(TokenEstimator.raw(List.of(AiMessage.from(call)), List.of()))
                .isEqualTo(Math.round((9 + 18) / 3.5) + TokenEstimator.PER_MESSAGE + TokenEstimator.PER_TOOL_CALL);
    }

    @Test
    void theFirstReportedCountSetsTheScaleAndLaterOnesMoveItHalfWay() {
        var tokens = new TokenEstimator();
        long raw = TokenEstimator.raw(PROMPT, List.of());

        tokens.observe(raw, (int) (raw * 1.2));
        assertThat(tokens.ratio()).isCloseTo(1.2, offset(0.001));
        tokens.observe(raw, (int) (raw * 0.8));
        assertThat(tokens.ratio()).isCloseTo(1.0, offset(0.001));
        assertThat(tokens.estimate(PROMPT, List.of())).isCloseTo((int) raw, within(2));
        assertThat(tokens.chars(1000)).isCloseTo(3500, within(5));
    }

    @Test
    void implausibleCountsAreIgnored() {
        var tokens = new TokenEstimator();
        long raw = TokenEstimator.raw(PROMPT, List.of());

        tokens.observe(raw, 20);         // a KV-cache hit counted only the new tokens
        tokens.observe(raw, 0);          // no usage reported
        tokens.observeExact(raw, 130_000); // an error about another prompt size entirely

        assertThat(tokens.ratio()).isEqualTo(1.0);
    }
}
