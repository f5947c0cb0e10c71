package dev.aap.repair.jvm;

import dev.aap.repair.jvm.runner.TestPlatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared parent of all candidate loaders: the project's dependencies and JUnit, plus aap's runner classes
 * defined here from aap's own class files so they link against the project's JUnit, not aap's.
 */
final class RunnerLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String RUNNER_PACKAGE = TestPlatform.class.getPackageName() + ".";
    private static final String BRIDGE = TestPlatform.class.getName();
    private static final String IMPLEMENTATION = RUNNER_PACKAGE + "JunitPlatformRunner";

    private final ClassLoader aap;

    RunnerLoader(List<Path> jars) {
        super("aap-junit", urls(jars), ClassLoader.getPlatformClassLoader());
        this.aap = RunnerLoader.class.getClassLoader();
    }

    /** A runner linked against the JUnit in this loader. */
    TestPlatform newPlatform() throws ReflectiveOperationException {
        return (TestPlatform) loadClass(IMPLEMENTATION).getDeclaredConstructor().newInstance();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(BRIDGE)) {
            // the bridge (and its nested records) must be the worker's own copy: that is how the two sides talk
            return aap.loadClass(name);
        }
        if (!name.startsWith(RUNNER_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = aapClassFile(name);
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] aapClassFile(String name) throws ClassNotFoundException {
        try (InputStream in = aap.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] urls(List<Path> jars) {
        return jars.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }).toArray(URL[]::new);
    }
}
