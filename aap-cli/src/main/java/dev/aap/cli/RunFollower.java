package dev.aap.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.core.event.Event;
import dev.aap.core.run.ExitCodes;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows a run on an aap server through its event stream until it ends, printing each event as {@code aap fix}
 * prints it; a stream that breaks off (the server restarted, the network blinked) is picked up again after the
 * last event seen.
 */
final class RunFollower {

    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "NEEDS_HUMAN", "NEEDS_INPUT",
            "CANCELLED");
    private static final int MAX_FAILURES = 5;
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The event records by their JSON {@code type}, the same names {@link Event#type()} gives them. */
    private static final Map<String, Class<?>> TYPES = Arrays.stream(Event.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(RunFollower::typeName, Function.identity()));

    private final ServerClient client;
    private final ProgressPrinter printer;
    private long lastEvent;

    RunFollower(ServerClient client, ProgressPrinter printer) {
        this.client = client;
        this.printer = printer;
    }

    /** Prints the run's events until it has ended; returns its final record ({@code GET /runs/{id}}). */
    JsonNode follow(String runId) throws InterruptedException {
        String path = "/api/v1/runs/" + runId;
        int failures = 0;
        while (true) {
            try {
                client.events(path + "/events", lastEvent, e -> show(e));
                failures = 0;
            } catch (EnvironmentException e) {
                if (++failures > MAX_FAILURES) {
                    throw e;
                }
                printer.say("lost the event stream (" + e.getMessage() + "); trying again");
                Thread.sleep(1000L * failures);
                continue;
            }
            JsonNode run = client.get(path);
            if (finished(run)) {
                var end = new Event.RunFinished(run.path("status").asText(), exitCode(run),
                        run.path("message").asText(""));
                printer.onEvent(lastEvent + 1, end);
                return run;
            }
            // the stream ended while the run goes on: the server is stopping; its lease passes to another
            Thread.sleep(500);
        }
    }

    private void show(ServerClient.SseEvent e) {
        if (e.id() > 0) {
            lastEvent = e.id();
        }
        if (e.name().equals("error")) {
            throw new BadInputException("the server cannot stream this run: " + e.data());
        }
        JsonNode json;
        try {
            json = LENIENT.readTree(e.data());
        } catch (IOException bad) {
            return;
        }
        decode(json).ifPresentOrElse(ev -> {
            // the end is printed from the run's record, which has the exit code and message for certain
            if (!(ev instanceof Event.RunFinished)) {
                printer.onEvent(e.id(), ev);
            }
        }, () -> {
            if (!json.path("type").asText().equals("run_finished")) {
                printer.say(compact(json));
            }
        });
    }

    /** The typed event for a JSON event, or empty for types this aap does not know or fields that do not fit. */
    static Optional<Event> decode(JsonNode json) {
        Class<?> type = TYPES.get(json.path("type").asText(""));
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((Event) LENIENT.treeToValue(json, type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One line for an event without a typed form: its type and its own fields (not seq, time, run_id). */
    static String compact(JsonNode json) {
        var sb = new StringBuilder(json.path("type").asText("event").replace('_', ' '));
        String sep = ": ";
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            var f = it.next();
            if (Set.of("seq", "time", "run_id", "type").contains(f.getKey())) {
                continue;
            }
            sb.append(sep).append(f.getKey()).append(' ').append(f.getValue().isTextual() ? f.getValue().asText()
                    : f.getValue().toString());
            sep = ", ";
        }
        return sb.toString();
    }

    static boolean finished(JsonNode run) {
        return FINISHED.contains(run.path("status").asText());
    }

    /** The exit code the run recorded, else the one its status stands for. */
    static int exitCode(JsonNode run) {
        if (run.hasNonNull("exit_code")) {
            return run.get("exit_code").asInt();
        }
        return switch (run.path("status").asText()) {
            case "SUCCEEDED" -> ExitCodes.VERIFIED;
            case "NEEDS_HUMAN" -> ExitCodes.BLOCKED_BY_POLICY;
            case "NEEDS_INPUT" -> ExitCodes.NEEDS_INPUT;
            case "CANCELLED" -> ExitCodes.INTERRUPTED;
            default -> ExitCodes.NOT_FOUND;
        };
    }

    private static String typeName(Class<?> c) {
        return c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
