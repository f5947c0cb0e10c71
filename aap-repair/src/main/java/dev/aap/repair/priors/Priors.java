package dev.aap.repair.priors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator family priors derived from published single-statement bug pattern counts ({@code priors.tsv}), optionally
 * blended with the counts {@code aap learn} found in one repository.
 */
public final class Priors {

    /**
     * How many observations the published distribution counts as when blended with a repository's: a repository
     * with this many classified fixes weighs as much as the corpus. Corpora of millions would otherwise drown any
     * repository, while the raw repository counts of a few dozen fixes would be too noisy alone.
     */
    public static final double CORPUS_WEIGHT = 100;

    private static final String RESOURCE = "/dev/aap/repair/priors.tsv";
    private static final Priors PUBLISHED = load();

    /** language → pattern → count, in file order. */
    private final Map<String, Map<String, Double>> patterns;
    /** language → operator → the patterns it realises (empty: none). */
    private final Map<String, Map<String, List<String>>> operators;
    /** language → operator → the prior column as written in the file. */
    private final Map<String, Map<String, Double>> listed;

    private Priors(Map<String, Map<String, Double>> patterns, Map<String, Map<String, List<String>>> operators,
                   Map<String, Map<String, Double>> listed) {
        this.patterns = patterns;
        this.operators = operators;
        this.listed = listed;
    }

    /** The priors from the published counts alone. */
    public static Priors published() {
        return PUBLISHED;
    }

    /** Operator names the file lists for a language. */
    public Set<String> operators(String language) {
        return operators.getOrDefault(language, Map.of()).keySet();
    }

    /** The prior column of the file, as written (the test checks it against {@link #family}). */
    double listed(String language, String operator) {
        return listed.getOrDefault(language, Map.of()).getOrDefault(operator, Double.NaN);
    }

    /** The published family priors of a language; {@link FamilyPriors#NONE} for a language the file lacks. */
    public FamilyPriors family(String language) {
        return derive(language, shares(patterns.getOrDefault(language, Map.of())), "published SStuB counts");
    }

    /**
     * The family priors of a language with a repository's classified fixes as extra observations: each pattern's
     * share is {@code (CORPUS_WEIGHT * published share + repository count) / (CORPUS_WEIGHT + repository total)}
     * (a Dirichlet prior with the published shares as its mean). Patterns the file does not count for the language
     * (e.g. a missing statement) are left out, so the operators without a pattern keep the floor.
     */
    public FamilyPriors family(String language, RepoPriors repo) {
        Map<String, Double> published = shares(patterns.getOrDefault(language, Map.of()));
        Map<String, Integer> seen = repo.counts().getOrDefault(language, Map.of());
        int n = seen.entrySet().stream().filter(e -> published.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        if (published.isEmpty() || n == 0) {
            return family(language);
        }
        var blended = new LinkedHashMap<String, Double>();
        published.forEach((p, share) -> blended.put(p,
                (CORPUS_WEIGHT * share + seen.getOrDefault(p, 0)) / (CORPUS_WEIGHT + n)));
        return derive(language, blended, "published SStuB counts blended with " + n + " fixes from "
                + repo.repository());
    }

    private static Map<String, Double> shares(Map<String, Double> counts) {
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        var out = new LinkedHashMap<String, Double>();
        counts.forEach((p, c) -> out.put(p, c / total));
        return out;
    }

    /** raw(op) = sum of its patterns' shares; prior = raw / max raw; operators without a pattern get the minimum. */
    private FamilyPriors derive(String language, Map<String, Double> shares, String source) {
        Map<String, List<String>> ops = operators.getOrDefault(language, Map.of());
        if (ops.isEmpty()) {
            return FamilyPriors.NONE;
        }
        var raw = new LinkedHashMap<String, Double>();
        ops.forEach((op, ps) -> {
            if (!ps.isEmpty()) {
                raw.put(op, ps.stream().mapToDouble(p -> shares.getOrDefault(p, 0.0)).sum());
            }
        });
        double top = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        var prior = new LinkedHashMap<String, Double>();
        raw.forEach((op, r) -> prior.put(op, r / top));
        double floor = prior.values().stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(1);
        ops.keySet().forEach(op -> prior.merge(op, floor, (mine, f) -> mine > 0 ? mine : f));
        return new FamilyPriors(language, prior, floor, source);
    }

    private static Priors load() {
        try (InputStream in = Priors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Priors parse(List<String> lines) {
        var patterns = new LinkedHashMap<String, Map<String, Double>>();
        var operators = new LinkedHashMap<String, Map<String, List<String>>>();
        var listed = new LinkedHashMap<String, Map<String, Double>>();
        int no = 0;
        for (String line : lines) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[0].equals("pattern") && f.length == 4) {
                patterns.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], Double.parseDouble(f[3]));
            } else if (f[0].equals("operator") && f.length == 5) {
                List<String> ps = f[3].equals("-") ? List.of() : Arrays.asList(f[3].split("\\+"));
                operators.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], List.copyOf(ps));
                listed.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], Double.parseDouble(f[4]));
            } else {
                throw new IllegalStateException(RESOURCE + " line " + no + " is neither a pattern nor an operator row");
            }
        }
        operators.forEach((lang, ops) -> ops.values().stream().flatMap(List::stream)
                .filter(p -> !patterns.getOrDefault(lang, Map.of()).containsKey(p)).findFirst().ifPresent(p -> {
                    throw new IllegalStateException(RESOURCE + ": " + lang + " operator maps to uncounted pattern " + p);
                }));
        return new Priors(patterns, operators, listed);
    }
}
