package dev.aap.repair.jvm;

import dev.aap.core.EnvironmentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JunitRunnerArtifactsTest {

    @Test
    void asksForLauncherMatchingTheProjectsPlatformVersion() {
        var cp = List.of(Path.of("/m2/org/junit/platform/junit-platform-engine/1.10.2/junit-platform-engine-1.10.2.jar"),
                Path.of("/m2/org/junit/jupiter/junit-jupiter-api/5.10.2/junit-jupiter-api-5.10.2.jar"));

        assertThat(JunitRunnerArtifacts.required(cp))
                .containsExactly("org.junit.platform:junit-platform-launcher:1.10.2");
    }

    @Test
    void asksForNothingWhenTheLauncherIsAlreadyThere() {
        var cp = List.of(Path.of("junit-platform-engine-1.14.4.jar"), Path.of("junit-platform-launcher-1.14.4.jar"));

        assertThat(JunitRunnerArtifacts.required(cp)).isEmpty();
    }

    @Test
    void asksForVintageEngineAndLauncherForJunit4OnlyProjects() {
        assertThat(JunitRunnerArtifacts.required(DemoProject.junit4Classpath())).containsExactly(
                "org.junit.vintage:junit-vintage-engine:5.14.4", "org.junit.platform:junit-platform-launcher:1.14.4");
    }

    @Test
    void locatesVintageEngineWithThePlatformJarsItNeeds() {
        var coords = JunitRunnerArtifacts.required(DemoProject.junit4Classpath());

        List<Path> jars = JunitRunnerArtifacts.locate(DemoProject.m2(), coords);

        var names = new ArrayList<String>();
        jars.forEach(j -> names.add(j.getFileName().toString()));
        assertThat(names).containsExactlyInAnyOrder("junit-vintage-engine-5.14.4.jar",
                "junit-platform-launcher-1.14.4.jar", "junit-platform-engine-1.14.4.jar",
                "junit-platform-commons-1.14.4.jar", "opentest4j-1.3.0.jar", "apiguardian-api-1.1.2.jar");
        assertThat(jars).allSatisfy(j -> assertThat(j).isRegularFile());
    }

    @Test
    void namesTheMissingJarAndHowToFetchIt(@TempDir Path emptyRepository) {
        assertThatThrownBy(() -> JunitRunnerArtifacts.locate(emptyRepository,
                List.of("org.junit.platform:junit-platform-launcher:1.14.4")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("mvn dependency:get -Dartifact=org.junit.platform:junit-platform-launcher:1.14.4");
    }
}
