package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.agent.model.ModelSettings;
import dev.aap.core.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code AAP_HOME/config.yaml}: the user's standing choices, below flags and {@code AAP_*} variables and above the
 * defaults. Keys: {@code model}, {@code base_url}, {@code max_steps}, {@code max_cost_usd}, {@code context_tokens},
 * {@code temperature}.
 *
 * @param model         model chain, or null
 * @param baseUrl       model server address, or null
 * @param maxSteps      agent turns, or null
 * @param maxCostUsd    dollars per run, or null
 * @param contextTokens the models' context window in tokens, or null
 * @param temperature   sampling temperature, or null
 * @param forgeEnvironment forge settings from config.yaml under their environment variable names
 * @param retentionDays how long run data is kept ({@code aap gc}), or null for the default
 */
record UserConfig(String model, String baseUrl, Integer maxSteps, Double maxCostUsd, Integer contextTokens,
                  Double temperature, Map<String, String> forgeEnvironment, Integer retentionDays) {

    /** Forge settings config.yaml may hold, and the environment variable each stands for (which wins). */
    static final Map<String, String> FORGE_KEYS = Map.of("github_token", "GITHUB_TOKEN",
            "github_app_id", "AAP_GITHUB_APP_ID", "github_app_private_key_file", "AAP_GITHUB_APP_PRIVATE_KEY_FILE",
            "gitlab_token", "GITLAB_TOKEN", "github_webhook_secret", "AAP_GITHUB_WEBHOOK_SECRET",
            "gitlab_webhook_token", "AAP_GITLAB_WEBHOOK_TOKEN", "trigger_label", "AAP_TRIGGER_LABEL",
            "public_url", "AAP_PUBLIC_URL");

    private static final Set<String> KEYS = Set.of("model", "base_url", "max_steps", "max_cost_usd",
            "context_tokens", "temperature", "retention_days");

    UserConfig {
        forgeEnvironment = forgeEnvironment == null ? Map.of() : Map.copyOf(forgeEnvironment);
    }

    /** The forge settings: config.yaml's, each replaced by its environment variable when that is set and not blank. */
    Map<String, String> forgeEnvironment(Map<String, String> env) {
        var out = new java.util.HashMap<>(forgeEnvironment);
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                out.put(k, v);
            }
        });
        return out;
    }

    static UserConfig none() {
        return new UserConfig(null, null, null, null, null, null, Map.of(), null);
    }

    static UserConfig load(Path home) {
        Path file = home.resolve("config.yaml");
        if (!Files.isRegularFile(file)) {
            return none();
        }
        JsonNode n;
        try {
            n = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            return none();
        }
        if (!n.isObject()) {
            throw new BadInputException(file + " must be a YAML mapping, e.g. 'model: openai:gpt-4o-mini'");
        }
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k) && !FORGE_KEYS.containsKey(k)) {
                var known = new java.util.TreeSet<>(KEYS);
                known.addAll(FORGE_KEYS.keySet());
                throw new BadInputException(file + ": unknown key '" + k + "'; known keys: " + String.join(", ",
                        known));
            }
        }
        JsonNode steps = n.get("max_steps");
        JsonNode cost = n.get("max_cost_usd");
        if ((steps != null && !steps.canConvertToInt()) || (cost != null && !cost.isNumber())) {
            throw new BadInputException(file + ": max_steps must be an integer and max_cost_usd a number");
        }
        JsonNode window = n.get("context_tokens");
        JsonNode temperature = n.get("temperature");
        if ((window != null && !window.canConvertToInt()) || (temperature != null && !temperature.isNumber())) {
            throw new BadInputException(file + ": context_tokens must be an integer and temperature a number");
        }
        var forge = new java.util.HashMap<String, String>();
        FORGE_KEYS.forEach((key, variable) -> {
            String v = text(n.get(key));
            if (v != null) {
                forge.put(variable, v);
            }
        });
        return new UserConfig(text(n.get("model")), text(n.get("base_url")), steps == null ? null : steps.asInt(),
                cost == null ? null : cost.asDouble(), window == null ? null : window.asInt(),
                temperature == null ? null : temperature.asDouble(), forge, retention(file, n.get("retention_days")));
    }

    /**
     * The models' context window: flag, else {@code AAP_CONTEXT_TOKENS}, else config.yaml; null means each model's
     * own default.
     */
    static Integer contextTokens(Integer flag, Integer configured) {
        String chosen = pick(flag == null ? null : flag.toString(), "AAP_CONTEXT_TOKENS",
                configured == null ? null : configured.toString());
        if (chosen == null) {
            return null;
        }
        try {
            int tokens = Integer.parseInt(chosen);
            if (tokens >= ModelSettings.MIN_CONTEXT_TOKENS) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("the context window (--context-tokens, AAP_CONTEXT_TOKENS or context_tokens) must"
                + " be a whole number of tokens, at least " + ModelSettings.MIN_CONTEXT_TOKENS + ", e.g. 32768; got '"
                + chosen + "'");
    }

    /** The sampling temperature: flag, else {@code AAP_TEMPERATURE}, else config.yaml, else 0. */
    static double temperature(Double flag, Double configured) {
        String chosen = pick(flag == null ? null : flag.toString(), "AAP_TEMPERATURE",
                configured == null ? null : configured.toString());
        if (chosen == null) {
            return 0.0;
        }
        try {
            double t = Double.parseDouble(chosen);
            if (t >= 0 && t <= 2) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("the temperature (--temperature, AAP_TEMPERATURE or temperature) must be a number"
                + " from 0 to 2, e.g. 0.2; got '" + chosen + "'");
    }

    /** Flag, else environment variable, else this file's value. */
    static String pick(String flag, String envVariable, String configured) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        String env = System.getenv(envVariable);
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return configured;
    }

    /**
     * The model server address: flag, else {@code AAP_BASE_URL}, else config.yaml, else, for an Ollama chain,
     * {@code OLLAMA_HOST} as the Ollama tools read it ({@code host:port} or a URL); null means the provider's default.
     */
    static String baseUrl(String flag, String configured, String model) {
        String url = pick(flag, "AAP_BASE_URL", configured);
        String ollamaHost = System.getenv("OLLAMA_HOST");
        if (url == null && model != null && model.strip().startsWith("ollama:") && ollamaHost != null
                && !ollamaHost.isBlank()) {
            String h = ollamaHost.strip();
            url = h.startsWith("http://") || h.startsWith("https://") ? h : "http://" + h;
        }
        return url;
    }

    private static Integer retention(Path file, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw new BadInputException(file + ": retention_days must be a whole number of days, at least 1");
        }
        return v.asInt();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
