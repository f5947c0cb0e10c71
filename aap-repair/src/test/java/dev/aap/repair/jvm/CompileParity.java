package dev.aap.repair.jvm;

import dev.aap.repair.mutate.JavaMutator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Checks that ECJ and javac agree on which of aap's own mutants compile, for one small Maven project: every candidate
 * the mutator proposes for every line of the main sources is compiled by both. Prints; asserts nothing. Run as
 * {@code java -cp <test class path> dev.aap.repair.jvm.CompileParity <project dir> [limit]}.
 */
final class CompileParity {

    private CompileParity() {
    }

    public static void main(String[] args) throws IOException {
        Path root = CompileTiming.prepare(Path.of(args[0]));
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        var project = JvmProject.maven(root, DemoProject.jupiterClasspath(), Path.of(System.getProperty("java.home")));
        var sources = new HashMap<String, String>();
        try (Stream<Path> walk = Files.walk(root.resolve("src/main/java"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        var mutator = JavaMutator.create(sources);
        int total = 0;
        int failing = 0;
        int disagree = 0;
        try (var ecj = new CandidateCompiler(project, true); var javac = new CandidateCompiler(project, false)) {
            for (var file : sources.entrySet()) {
                var lines = IntStream.rangeClosed(1, (int) file.getValue().lines().count()).boxed()
                        .collect(Collectors.toSet());
                for (var candidate : mutator.candidates(file.getKey(), lines)) {
                    if (total == limit) {
                        break;
                    }
                    var changed = Map.of(file.getKey(), candidate.applyTo(file.getValue()));
                    var a = ecj.compile(changed);
                    var b = javac.compile(changed);
                    total++;
                    if (b instanceof CandidateCompiler.Result.Failed) {
                        failing++;
                    }
                    if (a.getClass() != b.getClass()) {
                        disagree++;
                        System.out.println("DISAGREE " + candidate.description() + "\n  ecj: " + a + "\n  javac: " + b);
                    }
                }
            }
        }
        System.out.printf("%s: %d candidates, %d rejected by javac, %d outcomes differ%n", Path.of(args[0])
                .getFileName(), total, failing, disagree);
    }
}
