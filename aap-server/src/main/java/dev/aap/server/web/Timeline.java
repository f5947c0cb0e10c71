package dev.aap.server.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's steps in the order they started, with how long each took, read from its step events. */
public record Timeline(List<Step> steps) {

    /** One step: {@code state} is {@code done}, {@code running}, or {@code stopped} (the run ended inside it). */
    public record Step(String name, String state, Duration duration) {

        public long millis() {
            return duration.toMillis();
        }
    }

    public Timeline {
        steps = List.copyOf(steps);
    }

    /**
     * Pairs {@code step_started} with the next {@code step_finished} of the same step; a step started again (a run
     * taken over by another process) starts its clock again.
     *
     * @param now         when an unfinished step is measured to, while the run goes on
     * @param runFinished whether the run has ended: its unfinished steps are then stopped, not running
     */
    public static Timeline of(List<? extends JsonNode> events, Instant now, boolean runFinished) {
        Map<String, Instant> started = new LinkedHashMap<>();
        Map<String, Step> steps = new LinkedHashMap<>();
        Instant last = null;
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            String name = e.path("step").asText("");
            Instant time = instant(e.path("time").asText(null));
            if (time != null) {
                last = time;
            }
            if (name.isEmpty() || time == null) {
                continue;
            }
            if (type.equals("step_started")) {
                started.put(name, time);
                steps.put(name, new Step(name, "running", Duration.ZERO));
            } else if (type.equals("step_finished") && started.containsKey(name)) {
                steps.put(name, new Step(name, "done", between(started.remove(name), time)));
            }
        }
        Instant end = runFinished && last != null ? last : now;
        List<Step> out = new ArrayList<>();
        for (Step s : steps.values()) {
            if (s.state().equals("running")) {
                s = new Step(s.name(), runFinished ? "stopped" : "running", between(started.get(s.name()), end));
            }
            out.add(s);
        }
        return new Timeline(out);
    }

    /** The longest step's length, the scale the page draws the others against; at least 1 ms. */
    public long maxMillis() {
        return Math.max(1, steps.stream().mapToLong(Step::millis).max().orElse(1));
    }

    private static Duration between(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
