package dev.aap.core.gates;

import dev.aap.core.sandbox.RealSandbox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pom's checkstyle plugin as a gate, with the rules the pom configures: the base run (networked, as the user's
 * own committed build) resolves the plugin once, the branch run is offline. Slow the first time (Maven Central).
 */
@Tag("maven-central")
class MavenCheckstyleGateTest {

    @TempDir
    Path repo;

    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>t</groupId>
              <artifactId>shop</artifactId>
              <version>1</version>
              <properties>
                <maven.compiler.release>21</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-checkstyle-plugin</artifactId>
                    <version>3.6.0</version>
                    <configuration>
                      <configLocation>checkstyle.xml</configLocation>
                      <includeTestSourceDirectory>false</includeTestSourceDirectory>
                    </configuration>
                    <dependencies>
                      <dependency>
                        <groupId>com.puppycrawl.tools</groupId>
                        <artifactId>checkstyle</artifactId>
                        <version>12.3.1</version>
                      </dependency>
                    </dependencies>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    private static final String RULES = """
            <?xml version="1.0"?>
            <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
                "https://checkstyle.org/dtds/configuration_1_3.dtd">
            <module name="Checker">
              <module name="TreeWalker">
                <module name="UnusedImports"/>
                <module name="EmptyBlock"/>
              </module>
            </module>
            """;

    private static final String CART = """
            package shop;

            public class Cart {
                public int total(int a, int b) {
                    try {
                        return a + b;
                    } finally {
                    }
                }
            }
            """;

    @Test
    void anUnusedImportThePatchAddsIsANewCheckstyleFindingAndTheEmptyBlockIsNot() throws Exception {
        var sandbox = RealSandbox.bwrap();
        String base = GitRepo.base(repo, Map.of("pom.xml", POM, "checkstyle.xml", RULES,
                "src/main/java/shop/Cart.java", CART));
        GitRepo.write(repo, Map.of("src/main/java/shop/Cart.java",
                CART.replace("package shop;\n", "package shop;\n\nimport java.util.List;\n")));
        var config = new GatesConfig(dev.aap.core.policy.Finding.Severity.BLOCK, Duration.ofMinutes(5), Map.of());

        GateReport report = QualityGates.newFindings(sandbox, repo, base, List.of("src/main/java/shop/Cart.java"),
                config);

        assertThat(report.ran()).extracting(GateReport.Ran::tool).containsExactly("checkstyle");
        assertThat(report.ran().get(0).log()).contains("checkstyle:check");
        assertThat(report.findings()).as(report.ran().get(0).log()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lint:checkstyle:UnusedImports");
            assertThat(f.path()).isEqualTo("src/main/java/shop/Cart.java");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("java.util.List");
        });
        assertThat(report.ran().get(0).branchCount()).as("the empty finally block is there on both").isEqualTo(2);
    }
}
