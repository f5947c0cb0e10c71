package dev.aap.core.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds dangerous constructs (process execution, deserialization, eval, exit, network clients to unknown hosts) that
 * a patch introduces, on the syntax tree, so that generated code cannot slip them past review.
 *
 * <p>A construct is introduced when the changed text holds more occurrences of it than the base text, counted by
 * rule and normalized call text, never by line: an unrelated edit moves lines without introducing anything. Java is
 * parsed in-process with JavaParser; Python with Python's own {@code ast} in one child process for every file of a
 * patch, which only parses the text and never imports or runs it. Text that does not parse gives no finding for its
 * file and a note instead, as does a Python file when no interpreter can be started.
 */
public final class ForbiddenConstructs {

    /** Every rule id, Java first; each may be set to block, warn or off in {@code .aap/policy.yaml}. */
    public static final List<String> RULES = List.of("java-runtime-exec", "java-process-builder",
            "java-deserialization", "java-set-accessible", "java-system-exit", "java-script-eval", "java-network",
            "py-shell-true", "py-os-system", "py-os-popen", "py-eval", "py-exec", "py-pickle", "py-yaml-load",
            "py-marshal", "py-network");

    private ForbiddenConstructs() {
    }

    /**
     * Which rules block, warn or are off, and which hosts network clients may reach: the {@code constructs} key of
     * {@code .aap/policy.yaml} over defaults (every rule blocks; {@code localhost} and {@code 127.0.0.1} allowed).
     *
     * @param rules      severity per rule id, every id of {@link #RULES} present
     * @param allowHosts host names (case-insensitive; {@code *.example.com} allows its subdomains)
     */
    public record Config(Map<String, String> rules, List<String> allowHosts) {

        public static final String BLOCK = "block";
        public static final String WARN = "warn";
        public static final String OFF = "off";
        private static final List<String> DEFAULT_HOSTS = List.of("localhost", "127.0.0.1");

        public Config {
            var all = new LinkedHashMap<String, String>();
            RULES.forEach(r -> all.put(r, BLOCK));
            rules.forEach((rule, severity) -> {
                if (!RULES.contains(rule) || !List.of(BLOCK, WARN, OFF).contains(severity)) {
                    throw new IllegalArgumentException("unknown rule or severity: " + rule + ": " + severity);
                }
                all.put(rule, severity);
            });
            rules = Collections.unmodifiableMap(all);
            allowHosts = allowHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        }

        /** Every rule blocks; only the local machine may be reached. */
        public static Config defaults() {
            return new Config(Map.of(), DEFAULT_HOSTS);
        }

        /** Defaults merged with the {@code constructs} key of {@code .aap/policy.yaml} under {@code projectDir}. */
        public static Config load(Path projectDir) {
            return ConstructsYaml.load(projectDir.resolve(".aap/policy.yaml"));
        }

        /** This configuration with one rule set to block, warn or off. */
        public Config with(String rule, String severity) {
            var changed = new HashMap<>(rules);
            changed.put(rule, severity);
            return new Config(changed, allowHosts);
        }

        /** This configuration with another allow-list of hosts. */
        public Config withAllowHosts(List<String> hosts) {
            return new Config(rules, hosts);
        }

        /** block, warn or off. */
        public String severity(String rule) {
            return rules.getOrDefault(rule, OFF);
        }

        boolean anyOn(String prefix) {
            return rules.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !OFF.equals(e.getValue()));
        }

        boolean allowsHost(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return allowHosts.stream().anyMatch(a -> a.equals(h) || a.startsWith("*.") && h.endsWith(a.substring(1)));
        }
    }

    /**
     * One construct the patch introduces.
     *
     * @param rule     one of {@link #RULES}
     * @param path     the file as given to the check
     * @param line     its line in the changed text
     * @param snippet  the call as written, on one line
     * @param severity {@code block} or {@code warn}
     */
    public record Finding(String rule, String path, int line, String snippet, String severity) {

        public Finding {
            if (!RULES.contains(rule) || path == null || snippet == null
                    || !(Config.BLOCK.equals(severity) || Config.WARN.equals(severity))) {
                throw new IllegalArgumentException("a finding needs a known rule, a path, a snippet and block|warn: "
                        + rule + " " + severity);
            }
        }

        /** Whether this finding stops the patch (rather than only being reported). */
        public boolean blocks() {
            return Config.BLOCK.equals(severity);
        }

        /** {@code file:line: rule: snippet}, the form compilers use, which editors and models both read. */
        public String message() {
            return path + ":" + line + ": " + rule + ": " + snippet;
        }
    }

    /**
     * One changed file of a patch.
     *
     * @param path   the path findings and notes name
     * @param before the base text, null for a new file
     * @param after  the changed text, null for a deleted file (which introduces nothing)
     */
    public record Change(String path, String before, String after) {

        public Change {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("a change needs a path");
            }
        }
    }

    /**
     * What a patch introduces.
     *
     * @param findings constructs introduced, in file order then line order
     * @param notes    files that could not be checked and why (broken syntax, no Python interpreter)
     */
    public record Report(List<Finding> findings, List<String> notes) {

        public Report {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }

        /** Whether any finding blocks the patch. */
        public boolean blocks() {
            return findings.stream().anyMatch(Finding::blocks);
        }
    }

    /**
     * Findings for one file changed from {@code before} (null for a new file) to {@code after}; a file that could not
     * be checked has none here, and the batch form {@link #introduced(List, Config)} says why in its notes.
     */
    public static List<Finding> introduced(String path, String before, String after, Config config) {
        return introduced(List.of(new Change(path, before, after)), config).findings();
    }

    /**
     * Findings and notes for every Java and Python file of a patch; other files are skipped. All Python files are
     * parsed by one child process.
     */
    public static Report introduced(List<Change> changes, Config config) {
        return introduced(changes, config, PythonConstructs.python());
    }

    static Report introduced(List<Change> changes, Config config, String python) {
        var findings = new ArrayList<Finding>();
        var notes = new ArrayList<String>();
        var pythonChanges = new ArrayList<Change>();
        var javaRulesOn = config.anyOn("java-");
        for (Change c : changes) {
            if (c.after() == null || c.after().equals(c.before())) {
                continue;
            }
            if (c.path().endsWith(".java") && javaRulesOn) {
                Scan after = JavaConstructs.scan(c.after());
                // most changed files introduce nothing: then the base text need not be parsed at all
                boolean nothing = after instanceof Scan.Parsed p && relevant(p.hits(), config).isEmpty();
                compare(c, nothing ? Scan.EMPTY : JavaConstructs.scan(c.before()), after, config, findings, notes);
            } else if (c.path().endsWith(".py")) {
                pythonChanges.add(c);
            }
        }
        if (!pythonChanges.isEmpty() && config.anyOn("py-")) {
            List<PythonConstructs.Sides> scanned = PythonConstructs.scan(python, pythonChanges, notes);
            for (int i = 0; i < scanned.size(); i++) {
                compare(pythonChanges.get(i), scanned.get(i).before(), scanned.get(i).after(), config, findings,
                        notes);
            }
        }
        var order = new HashMap<String, Integer>();
        changes.forEach(c -> order.putIfAbsent(c.path(), order.size()));
        findings.sort(Comparator.comparing((Finding f) -> order.get(f.path())).thenComparingInt(Finding::line));
        return new Report(findings, notes);
    }

    /** Adds the after side's hits that outnumber the same (rule, call) on the before side. */
    private static void compare(Change c, Scan before, Scan after, Config config, List<Finding> findings,
                                List<String> notes) {
        if (after instanceof Scan.Unparsable(String why)) {
            notes.add(c.path() + ": not checked for forbidden constructs, the changed text does not parse: " + why);
            return;
        }
        if (before instanceof Scan.Unparsable(String why)) {
            notes.add(c.path() + ": not checked for forbidden constructs, the base text does not parse: " + why);
            return;
        }
        var present = new HashMap<String, Integer>();
        for (Hit h : relevant(((Scan.Parsed) before).hits(), config)) {
            present.merge(h.rule() + "\u0000" + h.key(), 1, Integer::sum);
        }
        for (Hit h : relevant(((Scan.Parsed) after).hits(), config)) {
            String key = h.rule() + "\u0000" + h.key();
            if (present.getOrDefault(key, 0) > 0) {
                present.merge(key, -1, Integer::sum);
            } else {
                findings.add(new Finding(h.rule(), c.path(), h.line(), h.snippet(), config.severity(h.rule())));
            }
        }
    }

    /** Hits of rules that are on, network hits only for hosts outside the allow-list. */
    private static List<Hit> relevant(List<Hit> hits, Config config) {
        return hits.stream()
                .filter(h -> !Config.OFF.equals(config.severity(h.rule())))
                .filter(h -> h.host() == null || !config.allowsHost(h.host()))
                .sorted(Comparator.comparingInt(Hit::line))
                .toList();
    }

    /**
     * One occurrence of a construct in one version of a file.
     *
     * @param rule    the rule id
     * @param line    1-based line
     * @param key     the normalized call: layout, comments and import aliases do not change it
     * @param snippet the call as written, on one line
     * @param host    for a network rule the literal host it reaches, otherwise null
     */
    record Hit(String rule, int line, String key, String snippet, String host) {
    }

    /** One version of a file, scanned. */
    sealed interface Scan {

        /** No text: a new file holds nothing before. */
        Scan EMPTY = new Parsed(List.of());

        /** The text parsed; these are its constructs. */
        record Parsed(List<Hit> hits) implements Scan {
            public Parsed {
                hits = List.copyOf(hits);
            }
        }

        /** The text does not parse (or could not be parsed); {@code why} says where. */
        record Unparsable(String why) implements Scan {
        }
    }

    /** Shortens a one-line snippet for messages. */
    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
