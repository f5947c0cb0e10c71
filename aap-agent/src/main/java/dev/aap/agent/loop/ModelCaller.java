package dev.aap.agent.loop;

import dev.aap.agent.cache.ResponseCache;
import dev.aap.agent.model.ContextTooLongException;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelReply;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.Digest;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventLog;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model call of a run goes through here: it is sent through the gateway at the caller's temperature, written to
 * the trajectory (the messages new since the role's previous call, then the reply), counted by the meter, announced
 * as an event, and its reported prompt tokens calibrate the run's token estimate.
 *
 * <p>A prompt the model refuses as too long comes out as {@link ContextTooLongException} (after a {@code model_error}
 * entry): the Coder's loop condenses and asks again, the roles cut their inputs.
 */
public final class ModelCaller {

    /** What every caller of one run shares, whatever its temperature. */
    private static final class Shared {
        final TokenEstimator tokens = new TokenEstimator();
        long waitedMillis;
    }

    private final ModelGateway gateway;
    private final UsageMeter meter;
    private final Trajectory trajectory;
    private final EventLog events;
    private final Shared shared;
    private final double temperature;

    /** A caller sampling at the gateway's temperature (0 unless the user set one). */
    public ModelCaller(ModelGateway gateway, UsageMeter meter, Trajectory trajectory, EventLog events) {
        this(gateway, meter, trajectory, events, new Shared(), gateway.temperature());
    }

    private ModelCaller(ModelGateway gateway, UsageMeter meter, Trajectory trajectory, EventLog events, Shared shared,
                        double temperature) {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2: " + temperature);
        }
        this.gateway = gateway;
        this.meter = meter;
        this.trajectory = trajectory;
        this.events = events;
        this.shared = shared;
        this.temperature = temperature;
    }

    /**
     * A caller that samples at {@code newTemperature} and shares everything else with this one: meter, trajectory,
     * events, waiting time and token calibration. For a later attempt that should explore rather than repeat (at 0
     * the same prompt brings the same answer, and the response cache would hand it back anyway: the temperature is
     * part of its key).
     */
    public ModelCaller withTemperature(double newTemperature) {
        return new ModelCaller(gateway, meter, trajectory, events, shared, newTemperature);
    }

    /** The temperature every request of this caller carries. */
    public double temperature() {
        return temperature;
    }

    /** The model chain's context window in tokens. */
    public int contextTokens() {
        return gateway.contextTokens();
    }

    /** The calibrated estimate of what {@code messages} and {@code tools} come to as a prompt, in tokens. */
    public int estimateTokens(List<ChatMessage> messages, List<ToolSpecification> tools) {
        return shared.tokens.estimate(messages, tools);
    }

    /** About how many characters of code make {@code tokens} tokens, by the calibrated estimate. */
    public int charsForTokens(int tokens) {
        return shared.tokens.chars(tokens);
    }

    TokenEstimator tokens() {
        return shared.tokens;
    }

    /**
     * Asks the model. {@code alreadyLogged} is how many of {@code messages} an earlier call of this role wrote to
     * the trajectory (only the rest is written now).
     */
    public ModelReply call(String role, List<ChatMessage> given, int alreadyLogged, List<ToolSpecification> tools,
                           int maxOutputTokens) {
        List<ChatMessage> messages = MessageRedactor.redact(given);
        var req = ChatRequest.builder().messages(messages).maxOutputTokens(maxOutputTokens).temperature(temperature);
        if (!tools.isEmpty()) {
            req.toolSpecifications(tools);
        }
        ChatRequest request = req.build();
        long raw = TokenEstimator.raw(messages, tools);
        var f = new LinkedHashMap<String, Object>();
        f.put("role", role);
        f.put("messages", messages.size());
        f.put("tools", tools.stream().map(ToolSpecification::name).toList());
        f.put("estimated_tokens", shared.tokens.scaled(raw));
        f.put("temperature", temperature);
        f.put("new_messages", ChatMessageSerializer.messagesToJson(messages.subList(alreadyLogged, messages.size())));
        trajectory.write("model_request", f);
        long t0 = System.nanoTime();
        ModelReply reply;
        try {
            reply = gateway.chat(request);
        } catch (ContextTooLongException e) {
            shared.waitedMillis += (System.nanoTime() - t0) / 1_000_000;
            shared.tokens.observeExact(raw, e.promptTokens());
            var err = new LinkedHashMap<String, Object>();
            err.put("role", role);
            err.put("error", "context_too_long");
            err.put("model", e.model());
            err.put("limit_tokens", e.limitTokens());
            err.put("prompt_tokens", e.promptTokens());
            err.put("estimated_tokens", shared.tokens.scaled(raw));
            err.put("message", e.getMessage());
            trajectory.write("model_error", err);
            throw e;
        } catch (dev.aap.core.AapException e) {
            // the run ends here (wrong key, server gone, replay diverged): the trajectory says why
            trajectory.write("model_error", Map.of("role", role, "error", e.getClass().getSimpleName(),
                    "message", e.getMessage() == null ? "" : e.getMessage()));
            throw e;
        }
        long waited = (System.nanoTime() - t0) / 1_000_000;
        shared.waitedMillis += waited;
        shared.tokens.observe(raw, reply.inputTokens());
        double cost = meter.record(role, reply.model(), reply.inputTokens(), reply.outputTokens(), reply.cached());
        var r = new LinkedHashMap<String, Object>();
        r.put("role", role);
        r.put("reply", ResponseCache.toJson(reply));
        r.put("millis", waited);
        r.put("attempts", reply.attempts());
        r.put("cached", reply.cached());
        r.put("cost_usd", cost);
        trajectory.write("model_response", r);
        events.emit(new Event.ModelCalled(role, reply.model(), reply.inputTokens(), reply.outputTokens(), waited,
                reply.cached(), cost, Digest.sha256(ChatMessageSerializer.messagesToJson(messages))));
        return reply;
    }

    /** Milliseconds spent waiting for models so far. */
    public long waitedMillis() {
        return shared.waitedMillis;
    }

    public UsageMeter meter() {
        return meter;
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    public String models() {
        return gateway.describe();
    }
}
