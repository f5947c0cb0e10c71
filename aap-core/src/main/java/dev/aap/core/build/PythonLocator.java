package dev.aap.core.build;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Finds a Python interpreter that can import pytest. */
public final class PythonLocator {

    private static volatile String found;

    private PythonLocator() {
    }

    /** The first of $AAP_PYTHON, python3, /usr/bin/python3, python that imports pytest. */
    public static String find() {
        if (found != null) {
            return found;
        }
        String env = System.getenv("AAP_PYTHON");
        String[] candidates = env != null && !env.isBlank()
                ? new String[] {env}
                : new String[] {"python3", "/usr/bin/python3", "python"};
        for (String py : candidates) {
            if (importsPytest(py)) {
                found = py;
                return py;
            }
        }
        throw new EnvironmentException("no Python with pytest found (tried " + String.join(", ", candidates)
                + "): install it, e.g. apt-get install -y python3-pytest, or set AAP_PYTHON");
    }

    /** The pytest version a Python reports, or null when it has none. */
    public static String pytestVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import pytest,sys; print(pytest.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean importsPytest(String python) {
        return pytestVersion(python) != null;
    }
}
