package dev.aap.cli;

import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.ModelSpec;
import dev.aap.agent.model.Models;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/v1/agents} reports: the brains this server can run and whether each model answers now. */
final class Agents {

    private final String model;
    private final String baseUrl;

    Agents(String model, String baseUrl) {
        this.model = model;
        this.baseUrl = baseUrl;
    }

    Object describe() {
        var out = new LinkedHashMap<String, Object>();
        var brains = new ArrayList<Map<String, Object>>();
        brains.add(Map.of("name", "search", "needs_model", false, "available", true));
        for (String b : List.of("llm", "hybrid")) {
            brains.add(Map.of("name", b, "needs_model", true, "available", model != null));
        }
        out.put("brains", brains);
        out.put("default_strategy", model == null ? "search" : "llm");
        var models = new ArrayList<Map<String, Object>>();
        if (model != null) {
            for (ModelSpec m : ModelSpec.parseChain(model, baseUrl)) {
                models.add(check(m));
            }
        }
        out.put("models", models);
        return out;
    }

    private static Map<String, Object> check(ModelSpec m) {
        var row = new LinkedHashMap<String, Object>();
        row.put("model", m.provider().name().toLowerCase(java.util.Locale.ROOT) + ":" + m.name());
        row.put("base_url", m.baseUrl());
        long t0 = System.nanoTime();
        try {
            var gateway = Models.connect(List.of(m), new ModelSettings(java.time.Duration.ofSeconds(10), 0,
                    java.time.Duration.ZERO, System.getenv(), null));
            gateway.chat(ChatRequest.builder().messages(UserMessage.from("Reply with OK.")).maxOutputTokens(5)
                    .build());
            row.put("status", "ok");
        } catch (RuntimeException e) {
            row.put("status", "failed");
            row.put("detail", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""));
        }
        row.put("millis", (System.nanoTime() - t0) / 1_000_000);
        return row;
    }
}
