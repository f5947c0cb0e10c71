package dev.aap.agent.usage;

import dev.aap.core.BadInputException;
import dev.aap.core.run.ModelUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceTableTest {

    @TempDir
    Path home;

    @Test
    void knowsBuiltInPrices() {
        PriceTable t = PriceTable.builtIn();

        assertThat(t.price("openai:gpt-4o-mini")).contains(new PriceTable.Price(0.15, 0.60));
        assertThat(t.price("anthropic:claude-sonnet-4-5")).contains(new PriceTable.Price(3.00, 15.00));
        assertThat(t.price("OpenAI:GPT-4o")).contains(new PriceTable.Price(2.50, 10.00));
        assertThat(new PriceTable.Price(2.50, 10.00).cost(1_000_000, 500_000)).isCloseTo(7.50, within(1e-9));
    }

    @Test
    void aDatedSnapshotCostsWhatItsFamilyCosts() {
        PriceTable t = PriceTable.builtIn();

        assertThat(t.price("openai:gpt-4o-2024-08-06")).contains(new PriceTable.Price(2.50, 10.00));
        assertThat(t.price("openai:gpt-4o-mini-2024-07-18")).contains(new PriceTable.Price(0.15, 0.60));
        assertThat(t.price("anthropic:claude-sonnet-4-5-20250929")).contains(new PriceTable.Price(3.00, 15.00));
    }

    @Test
    void ollamaModelsAreFree() {
        assertThat(PriceTable.builtIn().price("ollama:qwen2.5-coder:7b")).contains(new PriceTable.Price(0, 0));
    }

    @Test
    void anUnknownModelHasNoPriceAndCostsNothingButIsFlagged() {
        var meter = new UsageMeter(PriceTable.builtIn());

        assertThat(PriceTable.builtIn().price("openai:gpt-99")).isEmpty();
        assertThat(meter.record("openai:gpt-99", 1000, 500, false)).isZero();
        assertThat(meter.record("openai:gpt-4o-mini", 1_000_000, 0, false)).isCloseTo(0.15, within(1e-9));

        assertThat(meter.total()).isEqualTo(new ModelUsage(2, 1_001_000, 500, 0.15, false, Map.of("other", 2)));
        assertThat(meter.unpriced()).containsExactly("openai:gpt-99");
    }

    @Test
    void cachedAnswersCountTokensButCostNothing() {
        var meter = new UsageMeter(PriceTable.builtIn());

        assertThat(meter.record("openai:gpt-4o", 1_000_000, 1_000_000, true)).isZero();

        assertThat(meter.total()).isEqualTo(new ModelUsage(1, 1_000_000, 1_000_000, 0, true, Map.of("other", 1)));
    }

    @Test
    void pricesYamlOverridesAndExtendsTheBuiltInTable() throws IOException {
        Path file = home.resolve("prices.yaml");
        Files.writeString(file, """
                openai:gpt-4o: {input: 1.25, output: 5}
                Acme:Coder-1:
                  input: 0.5
                  output: 0.75
                """);

        PriceTable t = PriceTable.load(file);

        assertThat(t.price("openai:gpt-4o")).contains(new PriceTable.Price(1.25, 5.0));
        assertThat(t.price("acme:coder-1")).contains(new PriceTable.Price(0.5, 0.75));
        assertThat(t.price("openai:gpt-4o-mini")).contains(new PriceTable.Price(0.15, 0.60));
        assertThat(PriceTable.load(home.resolve("missing.yaml")).price("openai:gpt-4o"))
                .contains(new PriceTable.Price(2.50, 10.00));
    }

    @Test
    void aMalformedPricesYamlIsTheUsersMistake() throws IOException {
        Path notNumbers = home.resolve("a.yaml");
        Files.writeString(notNumbers, "openai:gpt-4o: {input: cheap, output: 5}\n");
        Path notAMap = home.resolve("b.yaml");
        Files.writeString(notAMap, "- openai:gpt-4o\n");
        Path broken = home.resolve("c.yaml");
        Files.writeString(broken, "openai:gpt-4o: {input: 1, output: [\n");

        assertThatThrownBy(() -> PriceTable.load(notNumbers)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'openai:gpt-4o' needs numeric input and output prices");
        assertThatThrownBy(() -> PriceTable.load(notAMap)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("must map provider:model");
        assertThatThrownBy(() -> PriceTable.load(broken)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void aPricesYamlWithOnlyCommentsLeavesTheBuiltInPrices() throws IOException {
        Path file = home.resolve("prices.yaml");
        Files.writeString(file, "# my negotiated prices go here\n");

        assertThat(PriceTable.load(file).price("openai:gpt-4o")).contains(new PriceTable.Price(2.50, 10.00));
    }
}
