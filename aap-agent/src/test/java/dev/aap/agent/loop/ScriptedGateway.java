package dev.aap.agent.loop;

import dev.aap.agent.model.ContextTooLongException;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelReply;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The gateway interface fed a script of replies (and refusals); it keeps every request it was sent. */
final class ScriptedGateway implements ModelGateway {

    final List<ChatRequest> requests = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    private int ids;
    int contextTokens = 32_768;

    /** Adds a refusal of the prompt as too long, as a provider states it (-1: not stated). */
    ScriptedGateway refuse(int limitTokens, int promptTokens) {
        script.addLast(new ContextTooLongException("scripted:coder", limitTokens, promptTokens,
                "the prompt is too long"));
        return this;
    }

    /** Adds a turn that makes these calls ({@code name, arguments} pairs), reporting the given tokens. */
    ScriptedGateway turn(String model, int inputTokens, int outputTokens, String... nameAndArgs) {
        var calls = new ArrayList<ToolExecutionRequest>();
        for (int i = 0; i < nameAndArgs.length; i += 2) {
            calls.add(ToolExecutionRequest.builder().id("call-" + ++ids).name(nameAndArgs[i])
                    .arguments(nameAndArgs[i + 1]).build());
        }
        script.addLast(new ModelReply(AiMessage.from(calls), model, inputTokens, outputTokens, 5, 1, false));
        return this;
    }

    ScriptedGateway turn(String... nameAndArgs) {
        return turn("scripted:coder", 100, 20, nameAndArgs);
    }

    ScriptedGateway text(String text) {
        script.addLast(new ModelReply(AiMessage.from(text), "scripted:coder", 100, 20, 5, 1, false));
        return this;
    }

    @Override
    public ModelReply chat(ChatRequest request) {
        requests.add(request);
        if (script.isEmpty()) {
            throw new IllegalStateException("the script has no reply for request " + requests.size());
        }
        Object next = script.removeFirst();
        if (next instanceof ContextTooLongException refusal) {
            throw refusal;
        }
        return (ModelReply) next;
    }

    @Override
    public int contextTokens() {
        return contextTokens;
    }

    @Override
    public String describe() {
        return "scripted:coder";
    }

    /** The tool results the model was shown in request {@code n} (0-based), in order. */
    List<String> toolResultsIn(int n) {
        return requests.get(n).messages().stream().filter(m -> m instanceof ToolExecutionResultMessage)
                .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
    }
}
