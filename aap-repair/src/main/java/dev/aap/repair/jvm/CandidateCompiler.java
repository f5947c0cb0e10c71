package dev.aap.repair.jvm;

import dev.aap.core.EnvironmentException;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiles changed sources in memory against the project's compiled classes: with the Eclipse compiler, which keeps
 * what it read from the class path across candidates, and with javac where ECJ does not know the release or fails
 * internally. javac's one file manager lives as long as the worker, so jar indexes are read once, not per candidate.
 */
final class CandidateCompiler implements AutoCloseable {

    /** Class files by binary name, or the first errors. */
    sealed interface Result {
        record Compiled(Map<String, byte[]> classes) implements Result {
        }

        record Failed(String message) implements Result {
        }
    }

    private static final int MAX_ERRORS = 3;
    private static final int REMEMBERED = 128;

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final List<String> options;
    private final Path projectRoot;
    private final Optional<EcjCompiler> ecj;
    /** Different operators often produce the same text; compiling it again would only repeat the same answer. */
    private final Map<Map<String, String>, Result> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Map<String, String>, Result> eldest) {
            return size() > REMEMBERED;
        }
    };

    CandidateCompiler(JvmProject project) {
        this(project, true);
    }

    /** With {@code useEcj} false, always javac (to compare the two). */
    CandidateCompiler(JvmProject project, boolean useEcj) {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new EnvironmentException("aap runs on a JRE without a Java compiler; run it with a full JDK");
        }
        projectRoot = project.projectRoot();
        files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, project.compileClasspath());
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int release = release(project);
        options = options(release);
        ecj = useEcj ? ecj(project, release) : Optional.empty();
    }

    private static Optional<EcjCompiler> ecj(JvmProject project, int release) {
        try {
            return EcjCompiler.create(project.compileClasspath(), release);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // e.g. a JDK layout ECJ cannot read: javac still works
        }
    }

    /**
     * Compiler options for a target release. Not {@code --release}: reading the JDK's symbol file for every task made
     * each compilation more than twice as slow, and the project's sources already compiled against the right API.
     */
    static List<String> options(int release) {
        var options = new ArrayList<>(List.of("-proc:none", "-g", "-nowarn", "-implicit:none", "-Xlint:none"));
        if (release != Runtime.version().feature()) {
            String n = Integer.toString(release);
            options.addAll(List.of("-source", n, "-target", n));
        }
        return List.copyOf(options);
    }

    /**
     * Compiles the changed {@code .java} files (project-relative path to full text); other files are ignored. One
     * compilation at a time: the warm-up thread may call this while a candidate is validated.
     */
    synchronized Result compile(Map<String, String> changed) {
        var key = Map.copyOf(changed);
        Result known = recent.get(key);
        if (known == null) {
            known = compileNow(key);
            recent.put(key, known);
        }
        return known;
    }

    private Result compileNow(Map<String, String> changed) {
        var java = new LinkedHashMap<String, String>();
        changed.forEach((path, text) -> {
            if (path.endsWith(".java")) {
                java.put(path, text);
            }
        });
        if (java.isEmpty()) {
            return new Result.Compiled(Map.of());
        }
        if (ecj.isPresent()) {
            try {
                return ecj.get().compile(java, MAX_ERRORS);
            } catch (RuntimeException | LinkageError e) {
                // an internal ECJ failure says nothing about the candidate: let javac decide
            }
        }
        return compileWithJavac(java);
    }

    private Result compileWithJavac(Map<String, String> java) {
        var sources = new ArrayList<JavaFileObject>();
        java.forEach((path, text) -> sources.add(new Source(path, projectRoot.resolve(path).toUri(), text)));
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var output = new MemoryOutput(files);
        boolean ok = javac.getTask(null, output, diagnostics, options, null, sources).call();
        if (!ok) {
            return new Result.Failed(describe(diagnostics.getDiagnostics()));
        }
        return new Result.Compiled(Map.copyOf(output.classes()));
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        var lines = new ArrayList<String>();
        for (var d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR || lines.size() == MAX_ERRORS) {
                continue;
            }
            String where = d.getSource() instanceof Source s ? s.path : "?";
            lines.add(where + ":" + d.getLineNumber() + ": error: " + d.getMessage(Locale.ROOT));
        }
        return lines.isEmpty() ? "compilation failed without diagnostics" : String.join("\n", lines);
    }

    /** The Java release the project was compiled for (from a class file), so candidates run where it runs. */
    static int release(JvmProject project) {
        int running = Runtime.version().feature();
        try (Stream<Path> walk = Files.walk(project.classesDir())) {
            var anyClass = walk.filter(p -> p.toString().endsWith(".class")).findFirst();
            if (anyClass.isPresent()) {
                byte[] head = new byte[8];
                try (var in = Files.newInputStream(anyClass.get())) {
                    if (in.readNBytes(head, 0, 8) == 8) {
                        int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                        return Math.max(8, Math.min(running, major - 44));
                    }
                }
            }
        } catch (IOException e) {
            // no readable classes yet: fall through to the running JDK's release
        }
        return running;
    }

    /** Waits for a compilation in progress (the warm-up thread's), then releases jar handles. */
    @Override
    public synchronized void close() {
        ecj.ifPresent(EcjCompiler::close);
        try {
            files.close();
        } catch (IOException ignored) {
            // closing only releases cached jar handles
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String path;
        private final String text;

        Source(String path, URI uri, String text) {
            super(uri, Kind.SOURCE);
            this.path = path;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps class files in memory; everything else goes to the shared standard file manager. */
    private static final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();

        MemoryOutput(StandardJavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                                                   JavaFileObject.Kind kind, FileObject sibling) {
            var bytes = new ByteArrayOutputStream();
            out.put(className, bytes);
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return bytes;
                }
            };
        }

        @Override
        public void close() {
            // the shared file manager outlives this compilation
        }

        Map<String, byte[]> classes() {
            var classes = new LinkedHashMap<String, byte[]>();
            out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
            return classes;
        }
    }
}
