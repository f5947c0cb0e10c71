package dev.aap.repair.priors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code aap learn} found in one repository's history, stored as {@code AAP_HOME/priors/<repo-key>.json}.
 *
 * @param repository     the git top level that was mined
 * @param learnedAt      when, ISO-8601
 * @param commitsScanned commits read (merges excluded)
 * @param fixCommits     commits whose message names a fix and that change at most three source lines
 * @param counts         language to pattern to the number of classified changes
 */
public record RepoPriors(String repository, String learnedAt, int commitsScanned, int fixCommits,
                         Map<String, Map<String, Integer>> counts) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RepoPriors {
        var copy = new TreeMap<String, Map<String, Integer>>();
        counts.forEach((lang, byPattern) -> copy.put(lang, Map.copyOf(byPattern)));
        counts = Map.copyOf(copy);
    }

    /** Classified changes of one language. */
    public int total(String language) {
        return counts.getOrDefault(language, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The file for a repository: its directory name (for people listing the folder) and a hash of its path (so two
     * checkouts with the same name do not share priors).
     */
    public static Path fileFor(Path home, Path topLevel) {
        String path = topLevel.toString();
        String name = topLevel.getFileName() == null ? "root" : topLevel.getFileName().toString();
        return home.resolve("priors").resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + sha(path) + ".json");
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stored priors, or empty when the file is missing or unreadable (the published priors then apply alone). */
    public static Optional<RepoPriors> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RepoPriors.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
