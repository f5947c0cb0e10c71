package dev.aap.cli;

import dev.aap.agent.cache.CachingGateway;
import dev.aap.agent.cache.ResponseCache;
import dev.aap.agent.model.AttemptListener;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.ModelSpec;
import dev.aap.agent.model.Models;
import dev.aap.core.run.Task;

import java.nio.file.Path;
import java.util.function.BiFunction;

/** Builds the model gateway of a run from its task: the configured chain behind the response cache. */
final class ModelWiring {

    private ModelWiring() {
    }

    static Path responses(Path home) {
        return home.resolve("cache").resolve("responses");
    }

    /**
     * @param contextTokens the models' context window, or null for each model's own
     * @param temperature   what every request samples at
     */
    static BiFunction<Task, AttemptListener, ModelGateway> gateways(Path home, boolean cache, Integer contextTokens,
                                                                    double temperature) {
        return (task, listener) -> {
            ModelGateway g = Models.connect(ModelSpec.parseChain(task.model(), task.baseUrl()),
                    ModelSettings.defaults().withListener(listener).withContextTokens(contextTokens)
                            .withTemperature(temperature));
            return cache ? new CachingGateway(g, new ResponseCache(responses(home))) : g;
        };
    }
}
