package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;

/** One tool: its declaration for the model and what it does with parsed arguments. */
interface Tool {

    ToolSpecification spec();

    Observation run(JsonNode args);

    /** Reads a required string argument or fails with a message the model can act on. */
    static String requireText(JsonNode args, String name, String example) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw new BadArguments("missing argument '" + name + "', e.g. " + example);
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new BadArguments("argument '" + name + "' must be a string, e.g. " + example);
        }
        return v.asText();
    }

    /** Reads an optional positive integer argument (a number or a numeric string). */
    static Integer optionalInt(JsonNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d+")) {
            return Integer.parseInt(v.asText().strip());
        }
        throw new BadArguments("argument '" + name + "' must be an integer, got " + v);
    }

    /** Arguments the model got wrong; the message goes back to it as the observation. */
    final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message);
        }
    }
}
