package dev.aap.repair.jvm;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a small Maven-layout project and compiles it, the way {@code mvn test-compile} would leave it. */
final class DemoProject {

    static final String CALC = "src/main/java/demo/Calc.java";

    /**
     * A buggy adder: line 8 subtracts. Line 7 counts calls in a static field, line 12 negates, line 20 divides (and
     * throws for a zero divisor).
     */
    static final String BUGGY_CALC = """
            package demo;

            public class Calc {
                static int calls;

                public static int add(int a, int b) {
                    calls++;
                    return a - b;
                }

                public static int negate(int a) {
                    return -a;
                }

                public static int calls() {
                    return calls;
                }

                public static int divide(int a, int b) {
                    int q = a / b;
                    return q;
                }
            }
            """;

    static final String JUPITER_TEST = """
            package demo;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import java.util.concurrent.Executors;
            import java.util.concurrent.TimeUnit;
            import org.junit.jupiter.api.Disabled;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.Timeout;

            class CalcTest {
                @Test
                void addsSmallNumbers() {
                    assertEquals(5, Calc.add(2, 3));
                    assertEquals(1, Calc.calls(), "static state leaked from an earlier run");
                }

                @Test
                @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
                void negates() {
                    for (int i = 0; i < 1000; i++) {
                        System.out.println("chatty test output " + i);
                        System.err.println("chatty test error " + i);
                    }
                    assertEquals(-4, Calc.negate(4));
                }

                @Test
                void dividesByZero() {
                    assertEquals(0, Calc.divide(1, 0));
                }

                @Test
                void usesAThreadPoolItNeverShutsDown() throws Exception {
                    var pool = Executors.newCachedThreadPool();
                    assertEquals(7, pool.submit(() -> Calc.negate(-7)).get());
                }

                @Test
                @Disabled("kept to check that skipped tests do not count as failing")
                void disabled() {
                    assertEquals(1, 2);
                }
            }
            """;

    static final String JUNIT4_TEST = """
            package demo;

            import static org.junit.Assert.assertEquals;

            import org.junit.Test;

            public class CalcTest {
                @Test
                public void addsSmallNumbers() {
                    assertEquals(5, Calc.add(2, 3));
                    assertEquals(1, Calc.calls());
                }

                @Test
                public void negates() {
                    assertEquals(-4, Calc.negate(4));
                }
            }
            """;

    static final String ADDS = "demo.CalcTest#addsSmallNumbers";
    static final String NEGATES = "demo.CalcTest#negates";
    static final String DIVIDES = "demo.CalcTest#dividesByZero";
    static final String DISABLED = "demo.CalcTest#disabled";
    static final String POOL = "demo.CalcTest#usesAThreadPoolItNeverShutsDown";

    private DemoProject() {
    }

    static Path m2() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    static List<Path> jupiterClasspath() {
        return jars("org.junit.jupiter:junit-jupiter-api:5.14.4", "org.junit.jupiter:junit-jupiter-engine:5.14.4",
                "org.junit.platform:junit-platform-engine:1.14.4", "org.junit.platform:junit-platform-commons:1.14.4",
                "org.opentest4j:opentest4j:1.3.0", "org.apiguardian:apiguardian-api:1.1.2");
    }

    static List<Path> junit6Classpath() {
        return jars("org.junit.jupiter:junit-jupiter-api:6.1.3", "org.junit.jupiter:junit-jupiter-engine:6.1.3",
                "org.junit.platform:junit-platform-engine:6.1.3", "org.junit.platform:junit-platform-commons:6.1.3",
                "org.opentest4j:opentest4j:1.3.0", "org.apiguardian:apiguardian-api:1.1.2",
                "org.jspecify:jspecify:1.0.0");
    }

    static List<Path> junit4Classpath() {
        return jars("junit:junit:4.13.2", "org.hamcrest:hamcrest-core:1.3");
    }

    private static List<Path> jars(String... coordinates) {
        return Stream.of(coordinates).map(c -> JunitRunnerArtifacts.path(m2(), c)).toList();
    }

    /** The buggy calculator with the given test class, compiled into target/classes and target/test-classes. */
    static JvmProject create(Path root, String testSource, List<Path> testClasspath) {
        return create(root, BUGGY_CALC, testSource, testClasspath);
    }

    /** Like {@link #create(Path, String, List)} with another text for {@code Calc.java}. */
    static JvmProject create(Path root, String calcSource, String testSource, List<Path> testClasspath) {
        write(root.resolve(CALC), calcSource);
        write(root.resolve("src/test/java/demo/CalcTest.java"), testSource);
        compile(root.resolve("src/main/java"), root.resolve("target/classes"), List.of());
        var cp = new ArrayList<Path>(testClasspath);
        cp.add(root.resolve("target/classes"));
        compile(root.resolve("src/test/java"), root.resolve("target/test-classes"), cp);
        return JvmProject.maven(root, testClasspath, Path.of(System.getProperty("java.home")));
    }

    static Map<String, String> calcWith(String from, String to) {
        if (!BUGGY_CALC.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return Map.of(CALC, BUGGY_CALC.replace(from, to));
    }

    private static void compile(Path sources, Path out, List<Path> classpath) {
        try (Stream<Path> walk = Files.walk(sources)) {
            var files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
            var args = new ArrayList<>(List.of("--release", "21", "-g", "-d", out.toString()));
            if (!classpath.isEmpty()) {
                args.add("-cp");
                args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            }
            args.addAll(files);
            int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
            if (code != 0) {
                throw new IllegalStateException("demo project does not compile: " + sources);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
