package dev.aap.core.build;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a compiled Java project keeps its sources and classes, and the dependencies its tests need.
 *
 * @param mainSources  main source roots, relative to the project directory
 * @param testSources  test source roots, relative to the project directory
 * @param classesDir   compiled main classes
 * @param testClassesDir compiled test classes
 * @param testClasspath dependency jars and directories for the tests (not the two class directories)
 */
public record JavaLayout(List<String> mainSources, List<String> testSources, Path classesDir, Path testClassesDir,
                         List<Path> testClasspath) {

    public JavaLayout {
        mainSources = List.copyOf(mainSources);
        testSources = List.copyOf(testSources);
        testClasspath = List.copyOf(testClasspath);
    }
}
