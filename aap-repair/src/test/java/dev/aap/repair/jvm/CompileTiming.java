package dev.aap.repair.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures candidate compilation as a repair run sees it: a fresh JVM compiling one-token variants of one small
 * Maven project's main class against its classes and JUnit jars. Prints; asserts nothing. Run from a cold JVM:
 * {@code java -cp <test class path> dev.aap.repair.jvm.CompileTiming <project dir> [count] [javac|ecj]}.
 */
final class CompileTiming {

    /** Binary operators written with spaces around them, and small integer literals. */
    private static final Pattern TOKEN = Pattern.compile("(?<= )(<=|>=|==|!=|<|>|\\+|-|\\*)(?= )|(?<![\\w.])[0-9](?![\\w.])");
    private static final List<List<String>> ALTERNATIVES = List.of(List.of("<=", ">=", "==", "!=", "<", ">"),
            List.of("+", "-", "*"), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    private CompileTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean ecj = args.length <= 2 || args[2].equals("ecj");
        Path root = prepare(source);
        var project = JvmProject.maven(root, DemoProject.jupiterClasspath(), Path.of(System.getProperty("java.home")));
        String file = mostMutableMainSource(root);
        String text = Files.readString(root.resolve(file));
        var variants = variants(text, count);

        long[] millis = new long[variants.size()];
        int failed = 0;
        long t0 = System.nanoTime();
        try (var compiler = new CandidateCompiler(project, ecj)) {
            for (int i = 0; i < variants.size(); i++) {
                long start = System.nanoTime();
                var result = compiler.compile(Map.of(file, variants.get(i)));
                millis[i] = (System.nanoTime() - start) / 100_000;
                if (result instanceof CandidateCompiler.Result.Failed) {
                    failed++;
                }
            }
        }
        long total = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%s %s: %d variants (%d do not compile), median ms first 50 %.1f, first 200 %.1f, all %.1f,"
                        + " last 100 %.1f; first %.1f; total %d ms%n", ecj ? "ecj" : "javac", source.getFileName(), millis.length,
                failed, median(millis, 50), median(millis, 200), median(millis, millis.length),
                median(Arrays.copyOfRange(millis, Math.max(0, millis.length - 100), millis.length), 100), millis[0] / 10.0,
                total);
    }

    /** Copies the project's sources to a temporary directory and compiles them the way Maven would. */
    static Path prepare(Path source) throws IOException {
        Path root = Files.createTempDirectory("aap-compile-timing");
        copySources(source, root);
        compile(root.resolve("src/main/java"), root.resolve("target/classes"), List.of());
        var cp = new ArrayList<>(DemoProject.jupiterClasspath());
        cp.add(root.resolve("target/classes"));
        compile(root.resolve("src/test/java"), root.resolve("target/test-classes"), cp);
        return root;
    }

    /** Each variant changes one operator or literal; a trailing comment keeps every text distinct. */
    static List<String> variants(String text, int count) {
        var positions = TOKEN.matcher(text).results().toList();
        var out = new ArrayList<String>();
        for (int round = 0; out.size() < count; round++) {
            for (var m : positions) {
                var group = ALTERNATIVES.stream().filter(g -> g.contains(m.group())).findFirst().orElseThrow();
                String alternative = group.get((round + m.start()) % group.size());
                if (alternative.equals(m.group())) {
                    continue;
                }
                out.add(text.substring(0, m.start()) + alternative + text.substring(m.end()) + "\n// " + out.size()
                        + "\n");
                if (out.size() == count) {
                    break;
                }
            }
        }
        return out;
    }

    private static double median(long[] tenths, int firstN) {
        long[] part = Arrays.copyOf(tenths, Math.min(firstN, tenths.length));
        Arrays.sort(part);
        return part[part.length / 2] / 10.0;
    }

    private static String mostMutableMainSource(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("src/main/java"))) {
            Path best = walk.filter(p -> p.toString().endsWith(".java"))
                    .max(java.util.Comparator.comparingLong(CompileTiming::tokens)).orElseThrow();
            if (tokens(best) == 0) {
                throw new IllegalStateException("nothing to vary in " + root);
            }
            return root.relativize(best).toString();
        }
    }

    private static long tokens(Path file) {
        try {
            return TOKEN.matcher(Files.readString(file)).results().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copySources(Path from, Path to) throws IOException {
        Path src = from.resolve("src");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    private static void compile(Path sources, Path out, List<Path> classpath) {
        try (Stream<Path> walk = Files.walk(sources)) {
            var files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
            var args = new ArrayList<>(List.of("--release", "17", "-g", "-nowarn", "-d", out.toString()));
            if (!classpath.isEmpty()) {
                args.add("-cp");
                args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            }
            args.addAll(files);
            // in another process, as Maven would, so this JVM's javac stays cold
            args.addFirst(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
            if (new ProcessBuilder(args).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("does not compile: " + sources);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
