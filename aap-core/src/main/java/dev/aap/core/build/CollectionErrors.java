package dev.aap.core.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads pytest's collection errors: which test modules could not be imported, and why. */
final class CollectionErrors {

    private static final Pattern COLLECTING = Pattern.compile("_+ ERROR collecting (\\S+) _+");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^E\\s+(\\w+(?:\\.\\w+)*(?:Error|Exception))\\b");
    /** A module or name the test imports is not there yet: test-first work, not a broken project. */
    private static final Set<String> MISSING_CODE = Set.of("ImportError", "ModuleNotFoundError", "AttributeError",
            "NameError");
    private static final int MAX_LINES = 80;

    private CollectionErrors() {
    }

    /** The ERRORS part of pytest's output (collection failures), at most {@value #MAX_LINES} lines. */
    static String section(String output) {
        int from = output.indexOf("= ERRORS =");
        String part = from < 0 ? output : output.substring(output.lastIndexOf('\n', from) + 1);
        List<String> lines = part.lines().toList();
        if (from < 0) {
            lines = lines.subList(Math.max(0, lines.size() - 30), lines.size());
        }
        return String.join("\n", lines.subList(0, Math.min(MAX_LINES, lines.size())));
    }

    /** The test modules that failed to import for missing code; empty when any failed for another reason. */
    static List<String> missingCode(String errors) {
        if (errors == null) {
            return List.of();
        }
        Matcher m = COLLECTING.matcher(errors);
        var starts = new ArrayList<Integer>();
        var files = new ArrayList<String>();
        while (m.find()) {
            starts.add(m.start());
            files.add(m.group(1));
        }
        if (files.isEmpty()) {
            return List.of();
        }
        var out = new LinkedHashSet<String>();
        for (int i = 0; i < files.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : errors.length();
            Matcher e = ERROR_LINE.matcher(errors.substring(starts.get(i), end));
            if (!e.find() || !MISSING_CODE.contains(simple(e.group(1))) || !TestFiles.isTestFile(files.get(i))) {
                return List.of();
            }
            out.add(files.get(i));
        }
        return List.copyOf(out);
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
