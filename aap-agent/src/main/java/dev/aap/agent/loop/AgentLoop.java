package dev.aap.agent.loop;

import dev.aap.agent.model.ContextTooLongException;
import dev.aap.agent.model.ModelReply;
import dev.aap.agent.tool.Observation;
import dev.aap.agent.tool.ToolBox;
import dev.aap.core.AapException;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventLog;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Coder: a tool-calling loop. Each step asks the model, runs the tool calls it made in order, and feeds the
 * observations back, until the model submits green work or a guard stops it. Errors the model can fix come back
 * to it as observations; guards end the loop with a typed {@link Stop} that goes to the trajectory.
 */
public final class AgentLoop {

    private static final int MAX_OUTPUT_PER_TURN = 4096;
    /** Refusals of one step's prompt as too long before the loop gives up (each one condenses further). */
    private static final int MAX_REFUSALS = 4;

    private final ModelCaller caller;
    private final ToolBox tools;
    private final Limits limits;
    private final EventLog events;
    private final Supplier<String> workspaceState;
    private final Function<List<String>, ToolBox.TestSummary> tests;

    /**
     * @param workspaceState a hash of the workspace's current diff ("" when nothing changed)
     * @param tests          runs tests (all when the selection is empty)
     */
    public AgentLoop(ModelCaller caller, ToolBox tools, Limits limits, EventLog events,
                     Supplier<String> workspaceState, Function<List<String>, ToolBox.TestSummary> tests) {
        this.caller = caller;
        this.tools = tools;
        this.limits = limits;
        this.events = events;
        this.workspaceState = workspaceState;
        this.tests = tests;
    }

    /**
     * How the loop ended.
     *
     * @param stop        the typed exit status
     * @param summary     the model's submit summary (empty without one)
     * @param green       true when the submitted workspace passed all tests
     * @param steps       model turns taken
     * @param overheadMs  per step: wall time minus waiting for the model and running tests
     */
    public record Result(Stop stop, String summary, boolean green, int steps, List<Long> overheadMs) {

        public Result {
            overheadMs = List.copyOf(overheadMs);
        }
    }

    /** The conversation and what lasts across steps; {@link #run} starts it, {@link #resume} goes on with it. */
    private final List<ChatMessage> messages = new ArrayList<>();
    private Session session;
    private List<Guards.Guard> guards;
    private Condenser condenser;
    private List<Long> overhead;
    private int logged;

    public Result run(String systemPrompt, String firstMessage) {
        messages.clear();
        messages.add(SystemMessage.from(systemPrompt));
        messages.add(UserMessage.from(firstMessage));
        var counters = new Guards.Counters();
        guards = List.of(Guards.wallTime(limits.deadline()), Guards.steps(limits.maxSteps()),
                Guards.inputTokens(limits.maxInputTokens()), Guards.outputTokens(limits.maxOutputTokens()),
                Guards.cost(limits.maxCostUsd()), Guards.errors(limits.maxErrors()));
        session = new Session(new Guards.StuckDetector(3), new SubmitRule(tests), counters);
        overhead = new ArrayList<>();
        condenser = new Condenser(caller.tokens(), caller.contextTokens(), MAX_OUTPUT_PER_TURN);
        logged = 0;
        return loop();
    }

    /**
     * Goes on with the same conversation after it ended in a submit: {@code note} (e.g. a reviewer's objections) is
     * the next user message, under the same guards and budgets. Submitting the unchanged green work again ends it.
     */
    public Result resume(String note) {
        if (session == null) {
            throw new IllegalStateException("resume() before run()");
        }
        messages.add(UserMessage.from(note));
        return loop();
    }

    private Result loop() {
        Guards.Counters counters = session.counters();
        int textOnlyTurns = 0;
        while (true) {
            Optional<Stop> stop = guards.stream().map(g -> g.check(counters)).flatMap(Optional::stream).findFirst();
            if (stop.isPresent()) {
                return end(stop.get(), "", false, session, overhead);
            }
            long stepStart = System.nanoTime();
            long waitedBefore = caller.waitedMillis();
            counters.steps++;
            Answer answer;
            try {
                answer = ask(messages, logged, condenser, counters.steps);
            } catch (AapException e) {
                if (!session.submit().greenNow(workspaceState.get())) {
                    throw e;
                }
                // the model is gone for good (server down, key revoked), but the work is done and green
                return end(new Stop(Stop.Kind.MODEL_FAILED, String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse("")), "", false, session, overhead);
            }
            if (answer.stop() != null) {
                return end(answer.stop(), "", false, session, overhead);
            }
            ModelReply reply = answer.reply();
            logged = messages.size() + 1;
            counters.inputTokens += reply.inputTokens();
            counters.outputTokens += reply.outputTokens();
            counters.costUsd = caller.meter().total().costUsd();
            AiMessage ai = withTextCalls(reply.message(), counters.steps);
            messages.add(ai);
            if (!ai.hasToolExecutionRequests()) {
                textOnlyTurns++;
                counters.errorsInARow++;
                messages.add(UserMessage.from(textOnlyTurns == 1
                        ? "Please continue by calling a tool. When the change is made and the tests pass, call submit."
                        : "You must call a tool (for example run_tests or submit); plain text does nothing here."));
                overhead.add(stepOverhead(stepStart, waitedBefore, 0));
                continue;
            }
            textOnlyTurns = 0;
            var turn = new Turn();
            tools.beginTurn();
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                if (turn.ended != null) {
                    messages.add(ToolExecutionResultMessage.from(call, "Not run: the loop has ended."));
                    continue;
                }
                messages.add(ToolExecutionResultMessage.from(call, handle(call, session, turn)));
            }
            overhead.add(stepOverhead(stepStart, waitedBefore, turn.testMillis));
            if (turn.ended != null) {
                return end(turn.ended, turn.summary, turn.green, session, overhead);
            }
        }
    }

    /** What lasts across steps: the stuck detector, the submit rule and the guards' counters. */
    private record Session(Guards.StuckDetector stuck, SubmitRule submit, Guards.Counters counters) {
    }

    /** What one model turn's calls came to. */
    private static final class Turn {
        Stop ended;
        String summary = "";
        boolean green;
        long testMillis;
    }

    /** Runs one call and returns the text the model gets back; records it in the trajectory and the events. */
    private String handle(ToolExecutionRequest call, Session s, Turn turn) {
        Optional<Stop> repeat = s.stuck().call(call.name(), call.arguments() == null ? "" : call.arguments());
        long t0 = System.nanoTime();
        Observation obs;
        if (repeat.isPresent()) {
            turn.ended = repeat.get();
            obs = new Observation("Stopped: " + turn.ended.reason() + ".", false, Observation.Control.NONE);
        } else {
            obs = tools.execute(call);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        s.counters().errorsInARow = obs.ok() ? 0 : s.counters().errorsInARow + 1;
        String text = obs.text();
        switch (obs.control()) {
            case TESTED_GREEN, TESTED_RED -> {
                turn.testMillis += ms;
                String state = workspaceState.get();
                s.submit().tested(obs.control() == Observation.Control.TESTED_GREEN, state);
                Optional<Stop> same = s.stuck().testRun(state);
                if (same.isPresent()) {
                    turn.ended = same.get();
                } else if (s.stuck().unchangedSinceLastTest()) {
                    text += "\nNote: nothing changed since the previous test run.";
                }
            }
            case STOP_NEEDS_HUMAN -> turn.ended = new Stop(Stop.Kind.OVERSIZED_EDIT, text);
            case EDITED -> s.submit().edited();
            case SUBMIT -> {
                SubmitRule.Decision d = s.submit().submit(workspaceState.get());
                turn.testMillis += d.testMillis();
                text = d.text();
                if (d.stop() != null) {
                    turn.ended = d.stop();
                    turn.summary = obs.text();
                    turn.green = d.green();
                }
            }
            case NONE -> {
            }
        }
        trajectoryTool(s.counters().steps, call, obs, text, ms);
        // an applied edit is audited by the digest of the whole change it leaves behind
        String diffSha = obs.ok() && call.name().equals("propose_edit") ? workspaceState.get() : "";
        events.emit(new Event.ToolCalled(s.counters().steps, call.name(), brief(call), obs.ok(), ms, diffSha));
        return text;
    }

    /** The reply, with tool calls the model wrote as text turned into real ones (so their results have a call). */
    private AiMessage withTextCalls(AiMessage ai, int step) {
        if (ai.hasToolExecutionRequests()) {
            return ai;
        }
        var written = TextToolCalls.extract(ai.text(), toolNames(), step);
        if (written.isEmpty()) {
            return ai;
        }
        caller.trajectory().write("text_tool_calls", Map.of("step", step, "calls", written.size()));
        return AiMessage.from(ai.text(), written);
    }

    private java.util.Set<String> toolNames() {
        return tools.specifications().stream().map(t -> t.name()).collect(java.util.stream.Collectors.toSet());
    }

    private long stepOverhead(long stepStart, long waitedBefore, long testMs) {
        long wall = (System.nanoTime() - stepStart) / 1_000_000;
        long waited = caller.waitedMillis() - waitedBefore;
        long o = Math.max(0, wall - waited - testMs);
        caller.trajectory().write("step_timing", Map.of("wall_ms", wall, "model_ms", waited, "tests_ms", testMs,
                "overhead_ms", o));
        return o;
    }

    private Result end(Stop stop, String summary, boolean green, Session session, List<Long> overhead) {
        int steps = session.counters().steps;
        if (!green && stop.kind() != Stop.Kind.SUBMITTED && !stop.kind().needsHuman()
                && session.submit().greenNow(workspaceState.get())) {
            // a guard must not throw away work that already meets the success criterion: submit it for the model
            caller.trajectory().write("autosubmit", Map.of("guard", stop.kind().name(), "reason", stop.reason(),
                    "steps", steps));
            events.emit(new Event.Warning("the agent stopped (" + stop.kind() + ": " + stop.reason() + ") with a"
                    + " change whose last full test run met the success criterion; it goes on to verification"));
            green = true;
        }
        var f = new LinkedHashMap<String, Object>();
        f.put("stop", stop.kind().name());
        f.put("reason", stop.reason());
        f.put("steps", steps);
        f.put("green", green);
        f.put("summary", summary);
        caller.trajectory().write("exit", f);
        events.emit(new Event.AgentStopped(stop.kind().name(), stop.reason(), steps));
        return new Result(stop, summary, green, steps, overhead);
    }

    private void trajectoryTool(int step, ToolExecutionRequest call, Observation obs, String text, long ms) {
        var f = new LinkedHashMap<String, Object>();
        f.put("step", step);
        f.put("tool", call.name());
        f.put("arguments", call.arguments());
        f.put("ok", obs.ok());
        f.put("control", obs.control().name());
        f.put("millis", ms);
        f.put("observation", text);
        caller.trajectory().write("tool_call", f);
    }

    /** The model's reply, or why the loop cannot ask at all. */
    private record Answer(ModelReply reply, Stop stop) {
    }

    /**
     * Asks the model with the history condensed to fit its window. A refusal as too long condenses to the window the
     * provider names (or to half when it names none) and asks again; the loop gives up only when nothing more can be
     * cut: even the system prompt, the task and the latest observation do not fit.
     */
    private Answer ask(List<ChatMessage> history, int logged, Condenser condenser, int step) {
        List<ToolSpecification> specs = tools.specifications();
        Condenser.View view = condenser.view(history, specs);
        if (view.condensedNow() > 0) {
            condensed(step, "window", view.tokensBefore(), view, null);
        }
        for (int refusals = 0; view.fits(); refusals++) {
            try {
                return new Answer(caller.call("coder", view.messages(), logged, specs, MAX_OUTPUT_PER_TURN), null);
            } catch (ContextTooLongException e) {
                condenser.refused(view, e.limitTokens(), specs);
                Condenser.View next = condenser.view(history, specs);
                condensed(step, "refused", view.tokens(), next, e);
                if (next.messages().equals(view.messages()) || refusals + 1 >= MAX_REFUSALS) {
                    return new Answer(null, contextFull(next, condenser));
                }
                view = next;
            }
        }
        return new Answer(null, contextFull(view, condenser));
    }

    private static Stop contextFull(Condenser.View view, Condenser condenser) {
        return new Stop(Stop.Kind.CONTEXT_TOO_LONG, "the system prompt, the task and the latest observation (about "
                + view.tokens() + " tokens) do not fit the model's context window of " + condenser.window()
                + " tokens; if the model takes more, say so with --context-tokens");
    }

    private void condensed(int step, String reason, int fromTokens, Condenser.View to,
                           ContextTooLongException refusal) {
        var f = new LinkedHashMap<String, Object>();
        f.put("step", step);
        f.put("reason", reason);
        if (refusal != null) {
            f.put("model", refusal.model());
            f.put("limit_tokens", refusal.limitTokens());
            f.put("prompt_tokens", refusal.promptTokens());
        }
        f.put("from_tokens", fromTokens);
        f.put("to_tokens", to.tokens());
        f.put("condensed_messages", to.condensedNow());
        caller.trajectory().write("context_condensed", f);
    }

    private static String brief(ToolExecutionRequest call) {
        String a = call.arguments() == null ? "" : call.arguments().replaceAll("\\s+", " ");
        return a.length() > 100 ? a.substring(0, 100) + "..." : a;
    }
}
