package dev.aap.repair.jvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerClasspathTest {

    @TempDir
    Path dir;

    @Test
    void dropsJunitJarsSoTheWorkerUsesTheProjectsJunit() throws IOException {
        Path aap = Files.createDirectories(dir.resolve("classes"));
        Path jackson = Files.createFile(dir.resolve("jackson-core-2.20.1.jar"));
        String cp = String.join(File.pathSeparator, aap.toString(), dir.resolve("junit-jupiter-api-5.14.4.jar").toString(),
                jackson.toString(), dir.resolve("opentest4j-1.3.0.jar").toString(),
                dir.resolve("junit-platform-launcher-1.14.4.jar").toString());

        assertThat(WorkerClasspath.of(cp)).containsExactly(aap, jackson);
    }

    @Test
    void expandsTheManifestClassPathOfALoneJar() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path jackson = Files.createFile(lib.resolve("jackson-core-2.20.1.jar"));
        Files.createFile(lib.resolve("junit-platform-launcher-1.14.4.jar"));
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                "lib/jackson-core-2.20.1.jar lib/junit-platform-launcher-1.14.4.jar");
        Path app = dir.resolve("aap.jar");
        try (OutputStream out = Files.newOutputStream(app); var jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        assertThat(WorkerClasspath.of(app.toString())).containsExactly(app, jackson);
    }
}
