package dev.aap.agent.model;

import dev.aap.core.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSettingsTest {

    @Test
    void timeoutComesFromTheEnvironmentOrDefaultsToTwoMinutes() {
        assertThat(ModelSettings.timeoutSeconds(null)).isEqualTo(120);
        assertThat(ModelSettings.timeoutSeconds(" ")).isEqualTo(120);
        assertThat(ModelSettings.timeoutSeconds("600")).isEqualTo(600);
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberSaysWhatItMustBe() {
        assertThatThrownBy(() -> ModelSettings.timeoutSeconds("ten")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("AAP_MODEL_TIMEOUT_SECONDS must be a positive number");
        assertThatThrownBy(() -> ModelSettings.timeoutSeconds("0")).isInstanceOf(BadInputException.class);
    }
}
