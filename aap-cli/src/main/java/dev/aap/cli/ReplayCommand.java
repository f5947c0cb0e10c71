package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.AgentSettings;
import dev.aap.agent.cache.ReplayGateway;
import dev.aap.agent.cache.ResponseCache;
import dev.aap.agent.model.ModelReply;
import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.ModelSpec;
import dev.aap.agent.model.Models;
import dev.aap.core.BadInputException;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.pipeline.TaskFile;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aap replay RUN_ID}: runs a finished run's task again from its base commit with the model answers it
 * recorded (response cache, then its trajectory), without asking any model; no branch is created.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a finished run with its recorded model answers (no network to any model, no branch).")
final class ReplayCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "Run id, as printed by 'aap runs'.")
    private String runId;

    @picocli.CommandLine.Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        if (!RunId.isValid(runId)) {
            throw new BadInputException("'" + runId + "' is not a run id; 'aap runs' lists them");
        }
        RunStore store = RunStore.open(RunStore.defaultHome());
        Path dir = store.runDir(new RunId(runId));
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("no run " + runId + " in " + store.home() + "; 'aap runs' lists them");
        }
        Task task = TaskFile.read(dir);
        var err = spec.commandLine().getErr();
        List<ModelReply> recorded = new ArrayList<>();
        JsonNode[] header = new JsonNode[1];
        String chain = readTrajectory(dir.resolve("trajectory.jsonl"), recorded, header);
        if (chain == null && !task.strategy().equals("search")) {
            throw new BadInputException("run " + runId + " has no trajectory.jsonl, so its model answers are unknown");
        }
        var cache = new ResponseCache(ModelWiring.responses(store.home()));
        String models = chain;
        // the original run's window and temperature: its requests were condensed and sampled by them, and only the
        // same ones make the same requests, which the cache answers (runs before they were recorded: the defaults)
        JsonNode recordedSettings = header[0] == null ? JSON.createObjectNode() : header[0];
        var agent = AgentSettings.defaults((t, attempts) -> new ReplayGateway(models, cache, recorded,
                w -> err.println("aap: warning: " + w), recordedSettings.path("context_tokens").canConvertToInt()
                        ? recordedSettings.path("context_tokens").asInt()
                        : Models.contextTokens(ModelSpec.parseChain(models, t.baseUrl()), ModelSettings.defaults()),
                recordedSettings.path("temperature").asDouble(0.0)))
                .withLimits(recordedSettings.path("max_steps").asInt(30),
                        recordedSettings.path("max_cost_usd").asDouble(2.0))
                .withRoles(!recordedSettings.path("roles").asText("full").equals("minimal"))
                .withAttempts(Math.max(1, recordedSettings.path("attempts").asInt(1)))
                .withEmbeddings(recordedSettings.path("embeddings").asBoolean(true));
        Sandbox box = Sandbox.select(run.sandbox);
        var pipeline = new Pipeline(store, box, Strategies.all(agent), List.of(new ProgressPrinter(err, run.quiet)), true);
        RunResult result = Interrupts.run(pipeline, task, err);
        Output.print(result, run.json, spec.commandLine().getOut(), err);
        String before = originalPatch(dir);
        if (!run.json) {
            spec.commandLine().getOut().println(result.patch() != null && result.patch().equals(before)
                    ? "replay of " + runId + ": the same patch as the original run"
                    : "replay of " + runId + ": the patch DIFFERS from the original run's");
        }
        return result.exitCode();
    }

    /**
     * The chain the run used, with every recorded reply appended to {@code replies} and the header entry put in
     * {@code header[0]}; null without a trajectory.
     */
    private static String readTrajectory(Path file, List<ModelReply> replies, JsonNode[] header) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String chain = null;
        try (var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                switch (n.path("kind").asText()) {
                    case "header" -> {
                        chain = n.path("models").asText();
                        header[0] = n;
                    }
                    case "model_response" -> replies.add(ResponseCache.fromJson(n.get("reply")));
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
        return chain;
    }

    private static String originalPatch(Path dir) {
        try {
            JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
            return run.path("patch").isNull() ? null : run.path("patch").asText();
        } catch (IOException e) {
            return null;
        }
    }
}
