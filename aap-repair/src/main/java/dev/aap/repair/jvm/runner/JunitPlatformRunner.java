package dev.aap.repair.jvm.runner;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs tests through the JUnit Platform launcher found in the project's test class path. Public only because the
 * worker instantiates it by name inside a different class loader.
 */
public final class JunitPlatformRunner implements TestPlatform {

    private final Launcher launcher;

    public JunitPlatformRunner() {
        // engines are found through the context class loader: make it the loader that defined this class
        launcher = withContextLoader(JunitPlatformRunner.class.getClassLoader(), LauncherFactory::create);
    }

    @Override
    public List<String> discover(ClassLoader loader, List<Path> testRoots) {
        return withContextLoader(loader, () -> {
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(Set.copyOf(testRoots)))
                    .build();
            TestPlan plan = launcher.discover(request);
            var ids = new LinkedHashSet<String>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier node : plan.getDescendants(root)) {
                    testId(node.getSource()).ifPresent(ids::add);
                }
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public Outcome run(ClassLoader loader, List<String> testIds, Consumer<String> onTestStarted) {
        return withContextLoader(loader, () -> {
            var selectors = new ArrayList<DiscoverySelector>();
            for (String id : testIds) {
                var missing = select(loader, id, selectors);
                if (missing != null) {
                    return new Outcome(0, id, missing, false, List.of());
                }
            }
            var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
            var listener = new FirstFailureListener(testIds, onTestStarted);
            launcher.execute(request, listener);
            return listener.outcome();
        });
    }

    /** Adds the selectors for one test id; returns why it cannot be selected, or null. */
    private static String select(ClassLoader loader, String id, List<DiscoverySelector> into) {
        int hash = id.indexOf('#');
        String className = hash < 0 ? id : id.substring(0, hash);
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return "test class " + className + " cannot be loaded: " + e;
        }
        if (hash < 0) {
            into.add(DiscoverySelectors.selectClass(type));
            return null;
        }
        String methodName = plainMethodName(id.substring(hash + 1));
        var methods = new ArrayList<Method>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(methodName) && !m.isSynthetic()) {
                    methods.add(m);
                }
            }
            if (!methods.isEmpty()) {
                break;
            }
        }
        if (methods.isEmpty()) {
            return "no test method " + methodName + " in " + className;
        }
        methods.forEach(m -> into.add(DiscoverySelectors.selectMethod(type, m)));
        return null;
    }

    private static String plainMethodName(String s) {
        int cut = s.length();
        for (char stop : new char[] {'(', '['}) {
            int i = s.indexOf(stop);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return s.substring(0, cut);
    }

    static Optional<String> testId(Optional<TestSource> source) {
        return source.flatMap(s -> s instanceof MethodSource m
                ? Optional.of(m.getClassName() + "#" + m.getMethodName())
                : Optional.empty());
    }

    static Optional<String> className(Optional<TestSource> source) {
        return source.flatMap(s -> switch (s) {
            case MethodSource m -> Optional.of(m.getClassName());
            case ClassSource c -> Optional.of(c.getClassName());
            default -> Optional.empty();
        });
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
