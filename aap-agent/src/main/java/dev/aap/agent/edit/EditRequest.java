package dev.aap.agent.edit;

import java.util.Locale;

/**
 * One {@code propose_edit} call.
 *
 * @param filePath  project-relative file
 * @param type      what to do at the located place
 * @param locator   where
 * @param patch     the new text ({@code replace}, {@code insert}, {@code ast_patch}); ignored by {@code delete}
 * @param rationale the model's one-line reason, recorded
 */
public record EditRequest(String filePath, Type type, Locator locator, String patch, String rationale) {

    /** The edit kinds the tool offers. */
    public enum Type {
        INSERT, REPLACE, DELETE, AST_PATCH;

        /** Parses the tool's lower-case name; null when unknown. */
        public static Type parse(String s) {
            try {
                return s == null ? null : valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * Exactly one of: a symbol name ({@code hasNext}, {@code Pager.hasNext}), a 1-based inclusive line range, or an
     * AST query ({@code method hasNext}, {@code class Pager}, {@code function price}).
     */
    public record Locator(String symbol, Integer start, Integer end, String astQuery) {

        int given() {
            return (symbol != null ? 1 : 0) + (start != null || end != null ? 1 : 0) + (astQuery != null ? 1 : 0);
        }
    }

    public EditRequest {
        patch = patch == null ? "" : patch;
        rationale = rationale == null ? "" : rationale;
    }
}
