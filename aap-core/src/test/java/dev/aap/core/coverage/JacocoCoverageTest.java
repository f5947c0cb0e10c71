package dev.aap.core.coverage;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestRun;
import dev.aap.core.sandbox.RealSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JaCoCo agent on the verification's own {@code mvn -o test} in the real sandbox: a tiny Maven project built
 * offline from the local repository, the change left in the working tree as the verify step leaves it.
 */
class JacocoCoverageTest {

    @TempDir
    Path dir;

    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>money</artifactId>
              <version>1.0.0</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>5.14.4</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                  <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
                </plugins>
              </build>
            </project>
            """;

    private static final String MONEY = """
            package com.example.money;

            public final class Money {
                public static long add(long a, long b) {
                    return a + b;
                }
            }
            """;

    private static final String TEST = """
            package com.example.money;

            import org.junit.jupiter.api.Test;
            import static org.junit.jupiter.api.Assertions.assertEquals;

            class MoneyTest {
                @Test
                void adds() {
                    assertEquals(5, Money.add(2, 3));
                }
            }
            """;

    private static final String CHANGED = """
            package com.example.money;

            public final class Money {
                public static long add(long a, long b) {
                    // overflow throws instead of wrapping
                    return Math.addExact(a, b);
                }

                public static long negate(long a) {
                    return -a;
                }
            }
            """;

    @Test
    void theExecutedChangedMethodIsCoveredAndAnAddedUnexecutedMethodIsNot() throws Exception {
        Path repo = dir.resolve("repo");
        CoverageProjects.commit(repo, Map.of("pom.xml", POM, "src/main/java/com/example/money/Money.java", MONEY,
                "src/test/java/com/example/money/MoneyTest.java", TEST));
        CoverageProjects.write(repo, Map.of("src/main/java/com/example/money/Money.java", CHANGED));
        BuildTool build = BuildTool.detect(repo, null);
        Coverage coverage = Coverage.of(build, dir.resolve("scratch/coverage"));
        var ctx = new BuildContext(RealSandbox.bwrap(), repo, dir.resolve("scratch"), Duration.ofMinutes(2));

        TestRun run = build.runTests(coverage.arm(ctx, List.of("src/main/java/com/example/money/Money.java")));
        assertThat(run.passed()).as(run.exec().combinedOutput()).isTrue();
        assertThat(run.report().total()).isEqualTo(1);
        // the base commit's classes replace the branch's before the review: the snapshot is what counts
        Files.delete(repo.resolve("target/classes/com/example/money/Money.class"));

        DiffCoverage c = coverage.measure(CoverageProjects.diff(repo), "");

        // added: the comment (no code), the addExact return (run), a blank and a brace (no code), negate's
        // declaration (no probe of its own), its return (not run) and its closing brace (no code)
        assertThat(c.summary()).as(c.reason()).isEqualTo("50% (1/2 changed lines)");
        assertThat(c.uncovered()).containsExactly(Map.entry("src/main/java/com/example/money/Money.java",
                List.of(10)));
    }

    @Test
    void aTestCommandThatStartsNoJvmGivesNotAvailableWithTheReason() throws Exception {
        Path repo = dir.resolve("repo");
        CoverageProjects.commit(repo, Map.of("pom.xml", POM, "src/main/java/com/example/money/Money.java", MONEY));
        CoverageProjects.write(repo, Map.of("src/main/java/com/example/money/Money.java", CHANGED));
        BuildTool build = BuildTool.detect(repo, "echo tests pass");
        Coverage coverage = Coverage.of(build, dir.resolve("scratch/coverage"));
        var ctx = new BuildContext(RealSandbox.bwrap(), repo, dir.resolve("scratch"), Duration.ofSeconds(30));

        TestRun run = build.runTests(coverage.arm(ctx, List.of("src/main/java/com/example/money/Money.java")));
        assertThat(run.exec().succeeded()).isTrue();
        assertThat(run.exec().combinedOutput()).contains("tests pass");

        DiffCoverage c = coverage.measure(CoverageProjects.diff(repo), "");

        assertThat(c.available()).isFalse();
        assertThat(c.summary()).startsWith("n/a (the test run wrote no JaCoCo data: no JVM of it started with the"
                + " agent");
        assertThat(CoveragePolicy.defaults().check(c)).isEmpty();
    }
}
