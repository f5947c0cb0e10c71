package dev.aap.agent.loop;

import dev.aap.agent.cache.ResponseCache;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelReply;
import dev.aap.agent.usage.UsageMeter;
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
 * Every model call of a run goes through here: it is sent through the gateway, written to the trajectory (the
 * messages new since the role's previous call, then the reply), counted by the meter and announced as an event.
 */
public final class ModelCaller {

    private final ModelGateway gateway;
    private final UsageMeter meter;
    private final Trajectory trajectory;
    private final EventLog events;
    private long waitedMillis;

    public ModelCaller(ModelGateway gateway, UsageMeter meter, Trajectory trajectory, EventLog events) {
        this.gateway = gateway;
        this.meter = meter;
        this.trajectory = trajectory;
        this.events = events;
    }

    /**
     * Asks the model. {@code alreadyLogged} is how many of {@code messages} an earlier call of this role wrote to
     * the trajectory (only the rest is written now).
     */
    public ModelReply call(String role, List<ChatMessage> messages, int alreadyLogged, List<ToolSpecification> tools,
                           int maxOutputTokens) {
        var req = ChatRequest.builder().messages(messages).maxOutputTokens(maxOutputTokens);
        if (!tools.isEmpty()) {
            req.toolSpecifications(tools);
        }
        ChatRequest request = req.build();
        var f = new LinkedHashMap<String, Object>();
        f.put("role", role);
        f.put("messages", messages.size());
        f.put("tools", tools.stream().map(ToolSpecification::name).toList());
        f.put("new_messages", ChatMessageSerializer.messagesToJson(messages.subList(alreadyLogged, messages.size())));
        trajectory.write("model_request", f);
        long t0 = System.nanoTime();
        ModelReply reply;
        try {
            reply = gateway.chat(request);
        } catch (dev.aap.core.AapException e) {
            // the run ends here (wrong key, server gone, replay diverged): the trajectory says why
            trajectory.write("model_error", Map.of("role", role, "error", e.getClass().getSimpleName(),
                    "message", e.getMessage() == null ? "" : e.getMessage()));
            throw e;
        }
        long waited = (System.nanoTime() - t0) / 1_000_000;
        waitedMillis += waited;
        double cost = meter.record(reply.model(), reply.inputTokens(), reply.outputTokens(), reply.cached());
        var r = new LinkedHashMap<String, Object>();
        r.put("role", role);
        r.put("reply", ResponseCache.toJson(reply));
        r.put("millis", waited);
        r.put("attempts", reply.attempts());
        r.put("cached", reply.cached());
        r.put("cost_usd", cost);
        trajectory.write("model_response", r);
        events.emit(new Event.ModelCalled(role, reply.model(), reply.inputTokens(), reply.outputTokens(), waited,
                reply.cached(), cost));
        return reply;
    }

    /** Milliseconds spent waiting for models so far. */
    public long waitedMillis() {
        return waitedMillis;
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
