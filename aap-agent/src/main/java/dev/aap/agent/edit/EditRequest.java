package dev.aap.agent.edit;

import java.util.Locale;

/**
 * One {@code propose_edit} call.
 *
 * @param filePath  project-relative file
 * @param type      what to do at the located place
 * @param locator   where
 * @param patch     the new text ({@code replace}, {@code insert}, {@code ast_patch}; ignored by {@code delete}), or a
 *                  unified diff: a diff is applied as such whatever the type and locator say
 * @param rationale the model's one-line reason, recorded
 */
public record EditRequest(String filePath, Type type, Locator locator, String patch, String rationale) {

    /** The edit kinds the tool offers; {@code DIFF} says the patch is a unified diff and needs no locator. */
    public enum Type {
        INSERT, REPLACE, DELETE, AST_PATCH, DIFF;

        /** Parses the tool's lower-case name ({@code "patch"} is taken as {@code diff}); null when unknown. */
        public static Type parse(String s) {
            if (s != null && s.strip().equalsIgnoreCase("patch")) {
                return DIFF;
            }
            try {
                return s == null ? null : valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * Exactly one of: a symbol name ({@code hasNext}, {@code Pager.hasNext}), a 1-based inclusive line range, an
     * AST query ({@code method hasNext}, {@code class Pager}, {@code function price}), or the old text itself (found
     * exactly, else ignoring whitespace; it must occur once).
     */
    public record Locator(String symbol, Integer start, Integer end, String astQuery, String oldText) {

        public Locator(String symbol, Integer start, Integer end, String astQuery) {
            this(symbol, start, end, astQuery, null);
        }

        /** A locator by the text to change. */
        public static Locator oldText(String text) {
            return new Locator(null, null, null, null, text);
        }

        int given() {
            return (symbol != null ? 1 : 0) + (start != null || end != null ? 1 : 0) + (astQuery != null ? 1 : 0)
                    + (oldText != null ? 1 : 0);
        }

        boolean isLineRange() {
            return given() == 1 && (start != null || end != null);
        }
    }

    public EditRequest {
        patch = patch == null ? "" : patch;
        rationale = rationale == null ? "" : rationale;
    }
}
