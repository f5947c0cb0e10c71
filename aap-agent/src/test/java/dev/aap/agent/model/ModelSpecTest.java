package dev.aap.agent.model;

import dev.aap.agent.model.ModelSpec.Provider;
import dev.aap.core.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSpecTest {

    @Test
    void parsesEachProviderWithItsDefaultServer() {
        assertThat(ModelSpec.parseChain("openai:gpt-4o-mini", null))
                .containsExactly(new ModelSpec(Provider.OPENAI, "gpt-4o-mini", "https://api.openai.com/v1"));
        assertThat(ModelSpec.parseChain("anthropic:claude-sonnet-4-5", null))
                .containsExactly(new ModelSpec(Provider.ANTHROPIC, "claude-sonnet-4-5", "https://api.anthropic.com/v1"));
        assertThat(ModelSpec.parseChain("ollama:qwen2.5-coder:7b", null))
                .containsExactly(new ModelSpec(Provider.OLLAMA, "qwen2.5-coder:7b", "http://localhost:11434"));
    }

    @Test
    void keepsColonsInTheModelNameAndIgnoresCaseAndSpacesAroundTheProvider() {
        ModelSpec spec = ModelSpec.parseChain(" Ollama:hf.co/org/model:Q4_K_M ", null).getFirst();

        assertThat(spec.provider()).isEqualTo(Provider.OLLAMA);
        assertThat(spec.name()).isEqualTo("hf.co/org/model:Q4_K_M");
        assertThat(spec.id()).isEqualTo("ollama:hf.co/org/model:Q4_K_M");
    }

    @Test
    void appliesTheBaseUrlToEveryModelOfTheFirstModelsProviderOnly() {
        var chain = ModelSpec.parseChain("openai:qwen-coder,anthropic:claude-sonnet-4-5,openai:llama3",
                "http://localhost:8000/v1/");

        assertThat(chain).extracting(ModelSpec::baseUrl).containsExactly(
                "http://localhost:8000/v1", "https://api.anthropic.com/v1", "http://localhost:8000/v1");
        assertThat(chain).extracting(ModelSpec::customBaseUrl).containsExactly(true, false, true);
    }

    @Test
    void rejectsMissingProviderOrNameShowingTheAcceptedForms() {
        for (String bad : new String[] {"gpt-4o", "openai:", ":gpt-4o", "openai:gpt-4o,", "", " "}) {
            assertThatThrownBy(() -> ModelSpec.parseChain(bad, null))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("openai:gpt-4o-mini")
                    .hasMessageContaining("ollama:qwen2.5-coder:7b");
        }
    }

    @Test
    void rejectsAnUnknownProviderByName() {
        assertThatThrownBy(() -> ModelSpec.parseChain("gemini:pro", null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown model provider 'gemini'")
                .hasMessageContaining("openai, anthropic, ollama");
    }

    @Test
    void rejectsABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> ModelSpec.parseChain("openai:x", "localhost:8000"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad --base-url 'localhost:8000'")
                .hasMessageContaining("http://localhost:8000/v1");
    }

    @Test
    void eachProviderHasAContextWindowThatFitsItsModels() {
        assertThat(ModelSpec.parseChain("openai:gpt-4o", null).getFirst().defaultContextTokens()).isEqualTo(128_000);
        assertThat(ModelSpec.parseChain("openai:gpt-4o-mini", null).getFirst().defaultContextTokens())
                .isEqualTo(128_000);
        assertThat(ModelSpec.parseChain("openai:gpt-4.1", null).getFirst().defaultContextTokens()).isEqualTo(128_000);
        assertThat(ModelSpec.parseChain("anthropic:claude-sonnet-4-5", null).getFirst().defaultContextTokens())
                .isEqualTo(200_000);
        assertThat(ModelSpec.parseChain("ollama:qwen2.5-coder:7b", null).getFirst().defaultContextTokens())
                .isEqualTo(8192);
        assertThat(ModelSpec.parseChain("openai:gpt-4o", "http://localhost:8000/v1").getFirst()
                .defaultContextTokens()).isEqualTo(32_768);
    }

    @Test
    void theUsersWindowOverridesEveryModelsDefault() {
        var settings = new ModelSettings(java.time.Duration.ofSeconds(1), 0, java.time.Duration.ZERO,
                java.util.Map.of(), null).withContextTokens(16_384);
        var chain = ModelSpec.parseChain("ollama:qwen2.5-coder:7b,anthropic:claude-sonnet-4-5", null);

        assertThat(chain).extracting(settings::contextTokens).containsExactly(16_384, 16_384);
        assertThat(Models.contextTokens(chain, settings.withContextTokens(null))).isEqualTo(8192);
    }
}
