package dev.aap.agent.edit;

import dev.aap.agent.index.SourceSymbols;
import dev.aap.agent.index.Symbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the lines an edit's locator points at, or says what the model could use instead. */
final class Locate {

    /** A 1-based inclusive line range; {@code end == start - 1} is the empty range before {@code start}. */
    record Range(int start, int end) {
    }

    /** Either a range or an explanation. */
    record Result(Range range, String problem) {
        static Result ok(int start, int end) {
            return new Result(new Range(start, end), null);
        }

        static Result fail(String problem) {
            return new Result(null, problem);
        }
    }

    private Locate() {
    }

    static Result lines(EditRequest.Locator loc, int lineCount, boolean insert) {
        Integer s = loc.start();
        Integer e = loc.end() == null ? loc.start() : loc.end();
        if (s == null) {
            return Result.fail("line_range needs start (and end); e.g. {\"start\": 12, \"end\": 14}");
        }
        int maxStart = insert ? lineCount + 1 : lineCount;
        if (s < 1 || s > maxStart) {
            return Result.fail("line " + s + " is outside the file, which has " + lineCount + " lines"
                    + (insert ? " (insert at " + (lineCount + 1) + " appends)" : ""));
        }
        if (insert) {
            return Result.ok(s, s - 1);
        }
        if (e < s || e > lineCount) {
            return Result.fail("line_range " + s + "-" + e + " is not within 1-" + lineCount);
        }
        return Result.ok(s, e);
    }

    static Result symbol(String file, String text, String name, String kind) {
        List<Symbol> all = SourceSymbols.of(file, text);
        if (all.isEmpty()) {
            return Result.fail("no symbols found in " + file + " (unsupported language or unparsable file); use"
                    + " line_range instead (view_file shows line numbers)");
        }
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        String owner = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : null;
        String ownerSimple = owner == null ? null : owner.substring(owner.lastIndexOf('.') + 1);
        var matches = new ArrayList<Symbol>();
        for (Symbol sym : all) {
            if (!sym.name().equals(simple) || (kind != null && !kindMatches(sym.kind(), kind))) {
                continue;
            }
            if (ownerSimple != null && all.stream().noneMatch(o -> o.name().equals(ownerSimple)
                    && o.startLine() <= sym.startLine() && o.endLine() >= sym.endLine() && o != sym)) {
                continue;
            }
            matches.add(sym);
        }
        if (matches.size() == 1) {
            return Result.ok(matches.get(0).startLine(), matches.get(0).endLine());
        }
        if (matches.size() > 1) {
            var sb = new StringBuilder("'" + name + "' is ambiguous in " + file + ": ");
            matches.forEach(m -> sb.append(m.kind()).append(" at lines ").append(m.startLine()).append('-')
                    .append(m.endLine()).append("; "));
            return Result.fail(sb + "use line_range to pick one");
        }
        List<Symbol> near = all.stream()
                .sorted(Comparator.comparingInt(x -> distance(x.name().toLowerCase(Locale.ROOT),
                        simple.toLowerCase(Locale.ROOT))))
                .limit(6).toList();
        var sb = new StringBuilder("no " + (kind == null ? "symbol" : kind) + " named '" + name + "' in " + file
                + ". Closest definitions: ");
        near.forEach(m -> sb.append(m.kind()).append(' ').append(m.name()).append(" (lines ").append(m.startLine())
                .append('-').append(m.endLine()).append("); "));
        return Result.fail(sb.toString().strip());
    }

    /** {@code "method hasNext"}, {@code "method:Pager.hasNext"}, {@code "class Pager"} → kind and name. */
    static Result astQuery(String file, String text, String query) {
        String q = query.strip();
        String[] parts = q.split("[\\s:]+", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            return Result.fail("ast_query must be '<kind> <name>', e.g. 'method hasNext', 'class Pager',"
                    + " 'function price'; got '" + query + "'");
        }
        return symbol(file, text, parts[1].strip(), parts[0].toLowerCase(Locale.ROOT));
    }

    private static boolean kindMatches(String actual, String wanted) {
        if (actual.equalsIgnoreCase(wanted)) {
            return true;
        }
        // the model may say "function" for a method or "def" for either; "type" for any class-like
        return switch (wanted) {
            case "function", "def", "method" -> actual.equals("method") || actual.equals("function")
                    || actual.equals("constructor");
            case "type", "class" -> actual.equals("class") || actual.equals("interface") || actual.equals("enum")
                    || actual.equals("record");
            default -> false;
        };
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
