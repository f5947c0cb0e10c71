package dev.aap.repair.jvm;

import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.CharOperation;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.batch.FileSystem;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.IBinaryType;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles candidates with the Eclipse compiler. Unlike a javac task, it keeps every class it read from the class path
 * (and every miss) across compilations, so a candidate costs parsing and checking one file, not re-reading the JDK
 * and the project's classes; on a cold JIT that is several times faster than javac.
 */
final class EcjCompiler implements AutoCloseable {

    private final CachedClasspath classpath;
    private final CompilerOptions options;

    private EcjCompiler(CachedClasspath classpath, CompilerOptions options) {
        this.classpath = classpath;
        this.options = options;
    }

    /** A compiler for the given release, or empty where this ECJ does not know that release. */
    static Optional<EcjCompiler> create(List<Path> compileClasspath, int release) {
        if (release > Integer.parseInt(CompilerOptions.getLatestVersion())) {
            return Optional.empty();
        }
        var names = new ArrayList<String>();
        names.add(Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar").toString());
        compileClasspath.forEach(p -> names.add(p.toString()));
        var files = new FileSystem(names.toArray(String[]::new), new String[0], "UTF-8");
        return Optional.of(new EcjCompiler(new CachedClasspath(files), options(release)));
    }

    /** What {@code -g -nowarn -proc:none -source n -target n} means to javac. */
    private static CompilerOptions options(int release) {
        var map = new HashMap<>(new CompilerOptions().getMap());
        map.replaceAll((key, value) -> value.equals(CompilerOptions.WARNING) || value.equals(CompilerOptions.INFO)
                ? CompilerOptions.IGNORE : value);
        String version = release <= 8 ? "1." + release : Integer.toString(release);
        map.put(CompilerOptions.OPTION_Compliance, version);
        map.put(CompilerOptions.OPTION_Source, version);
        map.put(CompilerOptions.OPTION_TargetPlatform, version);
        map.put(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.GENERATE);
        map.put(CompilerOptions.OPTION_LocalVariableAttribute, CompilerOptions.GENERATE);
        map.put(CompilerOptions.OPTION_SourceFileAttribute, CompilerOptions.GENERATE);
        map.put(CompilerOptions.OPTION_PreserveUnusedLocal, CompilerOptions.PRESERVE);
        map.put(CompilerOptions.OPTION_Process_Annotations, CompilerOptions.DISABLED);
        return new CompilerOptions(map);
    }

    /**
     * Compiles {@code .java} files (project-relative path to text) into class files by binary name, or the first
     * {@code maxErrors} errors as {@code path:line: error: message}. Throws if the compiler itself fails.
     */
    CandidateCompiler.Result compile(Map<String, String> sources, int maxErrors) {
        var units = new ArrayList<ICompilationUnit>();
        sources.forEach((path, text) -> units.add(new CompilationUnit(text.toCharArray(), path, "UTF-8")));
        var results = new ArrayList<CompilationResult>();
        var compiler = new Compiler(classpath, DefaultErrorHandlingPolicies.proceedWithAllProblems(), options,
                results::add, new DefaultProblemFactory(Locale.ROOT));
        compiler.compile(units.toArray(ICompilationUnit[]::new));

        var errors = new ArrayList<String>();
        var classes = new LinkedHashMap<String, byte[]>();
        for (CompilationResult result : results) {
            String path = new String(result.getFileName());
            if (!sources.containsKey(path)) {
                continue; // like javac's -implicit:none: only the changed files' classes
            }
            CategorizedProblem[] found = result.getErrors();
            if (found != null) {
                Arrays.stream(found).sorted(Comparator.comparingInt(CategorizedProblem::getSourceStart))
                        .forEach(p -> errors.add(path + ":" + p.getSourceLineNumber() + ": error: " + p.getMessage()));
            }
            for (ClassFile c : result.getClassFiles()) {
                classes.put(new String(c.fileName()).replace('/', '.'), c.getBytes());
            }
        }
        if (!errors.isEmpty()) {
            return new CandidateCompiler.Result.Failed(String.join("\n", errors.subList(0,
                    Math.min(maxErrors, errors.size()))));
        }
        return new CandidateCompiler.Result.Compiled(Map.copyOf(classes));
    }

    @Override
    public void close() {
        classpath.files.cleanup();
    }

    /**
     * The project's class path with every answer remembered. The classes directories and jars do not change while a
     * worker lives (candidates are compiled in memory), so neither do the answers.
     */
    private static final class CachedClasspath implements INameEnvironment {
        private static final Optional<IBinaryType> MISSING = Optional.empty();

        private final FileSystem files;
        private final Map<String, Optional<IBinaryType>> types = new HashMap<>();
        private final Map<String, Boolean> packages = new HashMap<>();

        CachedClasspath(FileSystem files) {
            this.files = files;
        }

        @Override
        public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
            String key = CharOperation.toString(compoundTypeName);
            Optional<IBinaryType> known = types.get(key);
            if (known == null) {
                NameEnvironmentAnswer answer = files.findType(compoundTypeName);
                if (answer != null && !answer.isBinaryType()) {
                    return answer; // a source file among the classes: rare, and not worth remembering
                }
                known = answer == null ? MISSING : Optional.of(answer.getBinaryType());
                types.put(key, known);
            }
            // a fresh answer each time: the compiler may write to it
            return known.map(t -> new NameEnvironmentAnswer(t, null)).orElse(null);
        }

        @Override
        public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
            return findType(CharOperation.arrayConcat(packageName, typeName));
        }

        @Override
        public boolean isPackage(char[][] parentPackageName, char[] packageName) {
            String key = (parentPackageName == null ? "" : CharOperation.toString(parentPackageName)) + "/"
                    + new String(packageName);
            return packages.computeIfAbsent(key, k -> files.isPackage(parentPackageName, packageName));
        }

        @Override
        public void cleanup() {
            // called after each compilation; the answers stay valid for the next one
        }
    }
}
