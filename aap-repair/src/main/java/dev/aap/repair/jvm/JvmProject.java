package dev.aap.repair.jvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled JVM project as the in-process test worker needs it: where sources and classes are and what the tests
 * run against.
 *
 * @param projectRoot     the project directory; the worker runs there
 * @param mainSourceRoots main source directories, relative to {@code projectRoot} (e.g. {@code src/main/java})
 * @param testSourceRoots test source directories, relative to {@code projectRoot}
 * @param classesDir      compiled main classes (e.g. {@code target/classes})
 * @param testClassesDir  compiled test classes (e.g. {@code target/test-classes})
 * @param testClasspath   dependency jars and directories for the tests, without the two classes directories
 * @param javaHome        the JDK that runs the worker
 */
public record JvmProject(Path projectRoot, List<Path> mainSourceRoots, List<Path> testSourceRoots, Path classesDir,
                         Path testClassesDir, List<Path> testClasspath, Path javaHome) {

    public JvmProject {
        Path root = projectRoot.toAbsolutePath().normalize();
        projectRoot = root;
        mainSourceRoots = List.copyOf(mainSourceRoots);
        testSourceRoots = List.copyOf(testSourceRoots);
        classesDir = root.resolve(Objects.requireNonNull(classesDir, "classesDir")).normalize();
        testClassesDir = root.resolve(Objects.requireNonNull(testClassesDir, "testClassesDir")).normalize();
        testClasspath = testClasspath.stream().map(p -> root.resolve(p).normalize()).toList();
        Objects.requireNonNull(javaHome, "javaHome");
    }

    /** The usual Maven layout under {@code projectRoot}, run with the given JDK. */
    public static JvmProject maven(Path projectRoot, List<Path> testClasspath, Path javaHome) {
        return new JvmProject(projectRoot, List.of(Path.of("src/main/java")), List.of(Path.of("src/test/java")),
                Path.of("target/classes"), Path.of("target/test-classes"), testClasspath, javaHome);
    }

    /** Class path for compiling candidates: both classes directories, then the dependencies. */
    List<Path> compileClasspath() {
        var cp = new ArrayList<Path>();
        cp.add(classesDir);
        cp.add(testClassesDir);
        cp.addAll(testClasspath);
        return cp;
    }
}
