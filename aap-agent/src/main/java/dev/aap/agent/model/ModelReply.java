package dev.aap.agent.model;

import dev.langchain4j.data.message.AiMessage;

/**
 * One model answer with what it cost.
 *
 * @param message      the assistant message (text and/or tool execution requests)
 * @param model        {@code provider:name} of the model that answered
 * @param inputTokens  prompt tokens the provider reported (0 when it reported none)
 * @param outputTokens completion tokens the provider reported
 * @param millis       wall time waiting for the model, retries included
 * @param attempts     HTTP attempts made across the chain (1 when the first try answered)
 * @param cached       true when the answer came from the response cache
 */
public record ModelReply(AiMessage message, String model, int inputTokens, int outputTokens, long millis, int attempts,
                         boolean cached) {
}
