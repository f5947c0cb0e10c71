package dev.aap.repair.jvm;

import dev.aap.core.EnvironmentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JUnit jars a project's test class path lacks for running its tests in-process, and where they are in a local
 * Maven repository. Versions follow the project's JUnit Platform, so the runner links against what the build uses.
 */
public final class JunitRunnerArtifacts {

    /** The version aap brings for JUnit 4 projects, which have no JUnit Platform of their own. */
    static final String DEFAULT_PLATFORM = "1.14.4";

    private static final String PLATFORM_GROUP = "org.junit.platform";
    private static final Pattern PLATFORM_ENGINE = jar("junit-platform-engine");
    private static final Pattern PLATFORM_LAUNCHER = jar("junit-platform-launcher");
    private static final Pattern VINTAGE = jar("junit-vintage-engine");
    private static final Pattern JUNIT4 = Pattern.compile("junit-(4\\.\\d+(?:\\.\\d+)?)\\.jar");

    private JunitRunnerArtifacts() {
    }

    /**
     * Maven coordinates ({@code group:artifact:version}) to add for the in-process runner: the launcher matching the
     * project's JUnit Platform, or for a JUnit 4 project the vintage engine and a launcher. Empty when nothing is
     * missing or the class path has no JUnit at all.
     */
    public static List<String> required(List<Path> testClasspath) {
        Optional<String> platform = version(testClasspath, PLATFORM_ENGINE);
        if (platform.isPresent()) {
            return version(testClasspath, PLATFORM_LAUNCHER).isPresent()
                    ? List.of()
                    : List.of(PLATFORM_GROUP + ":junit-platform-launcher:" + platform.get());
        }
        if (version(testClasspath, JUNIT4).isPresent() && version(testClasspath, VINTAGE).isEmpty()) {
            return List.of("org.junit.vintage:junit-vintage-engine:" + jupiterVersion(DEFAULT_PLATFORM),
                    PLATFORM_GROUP + ":junit-platform-launcher:" + DEFAULT_PLATFORM);
        }
        return List.of();
    }

    /**
     * The jars of these coordinates in {@code m2Repository}, plus what a launcher or vintage engine needs at run time
     * (platform engine and commons, opentest4j, apiguardian), listed explicitly rather than resolved.
     *
     * @throws EnvironmentException naming the first jar that is not there and how to fetch it
     */
    public static List<Path> locate(Path m2Repository, List<String> coordinates) {
        var all = new LinkedHashSet<String>();
        for (String c : coordinates) {
            all.add(c);
            all.addAll(runtimeNeeds(c));
        }
        var jars = new ArrayList<Path>();
        for (String c : all) {
            Path jar = path(m2Repository, c);
            if (!Files.isRegularFile(jar)) {
                throw new EnvironmentException("the JUnit runner needs " + c + ", which is not in " + m2Repository
                        + "; fetch it with: mvn dependency:get -Dartifact=" + c);
            }
            jars.add(jar);
        }
        return jars;
    }

    private static List<String> runtimeNeeds(String coordinate) {
        String[] gav = coordinate.split(":");
        if (gav.length != 3) {
            throw new IllegalArgumentException("not group:artifact:version: " + coordinate);
        }
        String platform = switch (gav[1]) {
            case "junit-platform-launcher" -> gav[2];
            case "junit-vintage-engine" -> platformVersion(gav[2]);
            default -> null;
        };
        if (platform == null) {
            return List.of();
        }
        boolean modern = !platform.startsWith("1.") || minor(platform) >= 10;
        return List.of(PLATFORM_GROUP + ":junit-platform-engine:" + platform,
                PLATFORM_GROUP + ":junit-platform-commons:" + platform,
                "org.opentest4j:opentest4j:" + (modern ? "1.3.0" : "1.2.0"),
                "org.apiguardian:apiguardian-api:1.1.2");
    }

    static Path path(Path m2Repository, String coordinate) {
        String[] gav = coordinate.split(":");
        return m2Repository.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    /** JUnit 5's Jupiter and Vintage are numbered 5.x.y for Platform 1.x.y; from JUnit 6 on they share numbers. */
    static String jupiterVersion(String platform) {
        return platform.startsWith("1.") ? "5." + platform.substring(2) : platform;
    }

    static String platformVersion(String jupiter) {
        return jupiter.startsWith("5.") ? "1." + jupiter.substring(2) : jupiter;
    }

    private static int minor(String version) {
        String[] parts = version.split("\\.");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<String> version(List<Path> classpath, Pattern jarName) {
        for (Path p : classpath) {
            Path name = p.getFileName();
            if (name == null) {
                continue;
            }
            Matcher m = jarName.matcher(name.toString());
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static Pattern jar(String artifact) {
        return Pattern.compile(Pattern.quote(artifact) + "-(\\d[\\w.-]*)\\.jar");
    }
}
