package dev.aap.agent.loop;

import dev.aap.agent.model.ModelReply;
import dev.aap.agent.tool.Observation;
import dev.aap.agent.tool.ToolBox;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventLog;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
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

    private static final int KEEP_FULL_OBSERVATIONS = 6;
    private static final int CLIPPED_OBSERVATION = 600;
    private static final int MAX_OUTPUT_PER_TURN = 4096;

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

    public Result run(String systemPrompt, String firstMessage) {
        var messages = new ArrayList<ChatMessage>();
        messages.add(SystemMessage.from(systemPrompt));
        messages.add(UserMessage.from(firstMessage));
        var counters = new Guards.Counters();
        List<Guards.Guard> guards = List.of(Guards.wallTime(limits.deadline()), Guards.steps(limits.maxSteps()),
                Guards.inputTokens(limits.maxInputTokens()), Guards.outputTokens(limits.maxOutputTokens()),
                Guards.cost(limits.maxCostUsd()), Guards.errors(limits.maxErrors()));
        var stuck = new Guards.StuckDetector(3);
        var toolNames = tools.specifications().stream().map(t -> t.name()).collect(java.util.stream.Collectors.toSet());
        var overhead = new ArrayList<Long>();
        String greenState = null;
        boolean submitRefused = false;
        int logged = 0;
        int textOnlyTurns = 0;
        while (true) {
            Optional<Stop> stop = guards.stream().map(g -> g.check(counters)).flatMap(Optional::stream).findFirst();
            if (stop.isPresent()) {
                return end(stop.get(), "", false, counters.steps, overhead);
            }
            long stepStart = System.nanoTime();
            long waitedBefore = caller.waitedMillis();
            long testMs = 0;
            counters.steps++;
            ModelReply reply = caller.call("coder", view(messages), logged, tools.specifications(),
                    MAX_OUTPUT_PER_TURN);
            logged = messages.size() + 1;
            counters.inputTokens += reply.inputTokens();
            counters.outputTokens += reply.outputTokens();
            counters.costUsd = caller.meter().total().costUsd();
            AiMessage ai = reply.message();
            if (!ai.hasToolExecutionRequests()) {
                var written = TextToolCalls.extract(ai.text(), toolNames, counters.steps);
                if (!written.isEmpty()) {
                    // the model wrote its calls as text; keep them in the history as real calls so that the
                    // results that follow have a call to answer
                    ai = AiMessage.from(ai.text(), written);
                    caller.trajectory().write("text_tool_calls", Map.of("step", counters.steps,
                            "calls", written.size()));
                }
            }
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
            Stop ended = null;
            String summary = "";
            boolean green = false;
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                if (ended != null) {
                    messages.add(ToolExecutionResultMessage.from(call, "Not run: the loop has ended."));
                    continue;
                }
                Optional<Stop> repeat = stuck.call(call.name(), call.arguments() == null ? "" : call.arguments());
                long t0 = System.nanoTime();
                Observation obs;
                if (repeat.isPresent()) {
                    ended = repeat.get();
                    obs = new Observation("Stopped: " + ended.reason() + ".", false, Observation.Control.NONE);
                } else {
                    obs = tools.execute(call);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                counters.errorsInARow = obs.ok() ? 0 : counters.errorsInARow + 1;
                String text = obs.text();
                switch (obs.control()) {
                    case TESTED_GREEN, TESTED_RED -> {
                        testMs += ms;
                        String state = workspaceState.get();
                        if (obs.control() == Observation.Control.TESTED_GREEN) {
                            greenState = state;
                        }
                        Optional<Stop> same = stuck.testRun(state);
                        if (same.isPresent()) {
                            ended = same.get();
                        } else if (stuck.unchangedSinceLastTest()) {
                            text += "\nNote: nothing changed since the previous test run.";
                        }
                    }
                    case STOP_NEEDS_HUMAN -> ended = new Stop(Stop.Kind.OVERSIZED_EDIT, text);
                    case SUBMIT -> {
                        String state = workspaceState.get();
                        if (state.isEmpty() && !submitRefused) {
                            submitRefused = true;
                            text = "Nothing has been changed yet: make the fix with propose_edit, run the tests,"
                                    + " then submit. Call submit again to give up without a change.";
                        } else if (state.isEmpty() || state.equals(greenState) || submitRefused) {
                            boolean isGreen = !state.isEmpty() && state.equals(greenState);
                            ended = new Stop(Stop.Kind.SUBMITTED, isGreen ? "submitted with all tests passing"
                                    : "gave up: submitted without a passing change");
                            summary = obs.text();
                            green = isGreen;
                            text = "Submitted.";
                        } else {
                            long tt = System.nanoTime();
                            ToolBox.TestSummary check = tests.apply(List.of());
                            testMs += (System.nanoTime() - tt) / 1_000_000;
                            if (check.passed()) {
                                greenState = state;
                                ended = new Stop(Stop.Kind.SUBMITTED, "submitted with all tests passing");
                                summary = obs.text();
                                green = true;
                                text = "Submitted: all tests pass.";
                            } else {
                                submitRefused = true;
                                text = "Not accepted yet: the tests do not pass with this change.\n"
                                        + Observation.untrusted("tests", check.text())
                                        + "\nFix it and run_tests again, or call submit again to give up.";
                            }
                        }
                    }
                    default -> {
                    }
                }
                if (obs.control() == Observation.Control.EDITED) {
                    submitRefused = false;
                }
                trajectoryTool(counters.steps, call, obs, text, ms);
                events.emit(new Event.ToolCalled(counters.steps, call.name(), brief(call), obs.ok(), ms));
                messages.add(ToolExecutionResultMessage.from(call, text));
            }
            overhead.add(stepOverhead(stepStart, waitedBefore, testMs));
            if (ended != null) {
                return end(ended, summary, green, counters.steps, overhead);
            }
        }
    }

    private long stepOverhead(long stepStart, long waitedBefore, long testMs) {
        long wall = (System.nanoTime() - stepStart) / 1_000_000;
        long waited = caller.waitedMillis() - waitedBefore;
        long o = Math.max(0, wall - waited - testMs);
        caller.trajectory().write("step_timing", Map.of("wall_ms", wall, "model_ms", waited, "tests_ms", testMs,
                "overhead_ms", o));
        return o;
    }

    private Result end(Stop stop, String summary, boolean green, int steps, List<Long> overhead) {
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

    /** The messages as sent: older tool results clipped so that long sessions stay within the context. */
    private static List<ChatMessage> view(List<ChatMessage> messages) {
        int results = 0;
        var out = new ArrayList<ChatMessage>(messages.size());
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m instanceof ToolExecutionResultMessage r && ++results > KEEP_FULL_OBSERVATIONS
                    && r.text().length() > CLIPPED_OBSERVATION) {
                m = ToolExecutionResultMessage.from(r.id(), r.toolName(), r.text().substring(0, CLIPPED_OBSERVATION)
                        + "\n[older output clipped; call the tool again if you need it]");
            }
            out.add(m);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static String brief(ToolExecutionRequest call) {
        String a = call.arguments() == null ? "" : call.arguments().replaceAll("\\s+", " ");
        return a.length() > 100 ? a.substring(0, 100) + "..." : a;
    }
}
