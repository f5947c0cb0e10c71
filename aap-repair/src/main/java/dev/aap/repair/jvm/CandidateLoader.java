package dev.aap.repair.jvm;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Loads every project class afresh (main and test), child-first, so each candidate starts with clean static state.
 * Changed classes come from {@code overrides}; dependencies and JUnit come from the shared parent.
 */
final class CandidateLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ProjectClasses classes;
    private final Map<String, byte[]> overrides;
    private final BiFunction<String, ProjectClasses.ClassFile, byte[]> transform;
    private final Map<Object, ProtectionDomain> domains = new HashMap<>();

    /**
     * @param transform turns a project class file into the bytes to define (identity, or coverage instrumentation)
     */
    CandidateLoader(ClassLoader parent, ProjectClasses classes, Map<String, byte[]> overrides,
                    BiFunction<String, ProjectClasses.ClassFile, byte[]> transform) {
        super("aap-candidate", parent);
        this.classes = classes;
        this.overrides = overrides;
        this.transform = transform;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineProjectClass(name);
            }
            if (c == null) {
                c = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> defineProjectClass(String name) {
        byte[] changed = overrides.get(name);
        if (changed != null) {
            return defineClass(name, changed, 0, changed.length, domain(classes.roots().get(0)));
        }
        return classes.find(name).map(f -> {
            byte[] b = transform.apply(name, f);
            return defineClass(name, b, 0, b.length, domain(f.root()));
        }).orElse(null);
    }

    private synchronized ProtectionDomain domain(Path root) {
        return domains.computeIfAbsent(root, r -> {
            try {
                var source = new CodeSource(root.toUri().toURL(), (Certificate[]) null);
                return new ProtectionDomain(source, null, this, null);
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public URL getResource(String name) {
        URL own = classes.resource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL own = classes.resource(name);
        var all = Collections.list(getParent().getResources(name));
        if (own != null) {
            all.add(0, own);
        }
        return Collections.enumeration(all);
    }
}
