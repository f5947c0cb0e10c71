package dev.aap.agent.edit;

import java.util.List;

/** What became of an edit. */
public sealed interface EditOutcome {

    /** The text the model reads as the tool result. */
    String observation();

    /**
     * The edit is in the workspace.
     *
     * @param file      project-relative file
     * @param startLine first line of the new text (1-based)
     * @param removed   lines removed
     * @param added     lines added
     * @param view      the edited region with its new line numbers and a little context
     * @param notes     how the edit was taken (re-based, matched ignoring whitespace, re-indented), one sentence
     *                  each; empty for a plain edit
     */
    record Applied(String file, int startLine, int removed, int added, String view, List<String> notes)
            implements EditOutcome {

        public Applied {
            notes = List.copyOf(notes);
        }

        public Applied(String file, int startLine, int removed, int added, String view) {
            this(file, startLine, removed, added, view, List.of());
        }

        @Override
        public String observation() {
            return "Edit applied to " + file + " (-" + removed + " +" + added + " lines). "
                    + (notes.isEmpty() ? "" : String.join(" ", notes) + " ")
                    + "The region now reads (new line numbers):\n" + view + shift();
        }

        /** How the line numbers the model saw below the edit moved: it numbers its next edits from them. */
        public String shift() {
            int d = added - removed;
            if (d == 0) {
                return "Line numbers below the edit are unchanged.";
            }
            String by = (d > 0 ? "down" : "up") + " by " + Math.abs(d) + ": " + (d > 0 ? "add " : "subtract ")
                    + Math.abs(d) + (d > 0 ? " to" : " from") + " the line numbers you saw ";
            if (removed == 0) {
                return "Old line " + startLine + " and the lines after it moved " + by + "from line " + startLine
                        + " on.";
            }
            int last = startLine + removed - 1;
            return "Lines after " + last + " moved " + by + "below line " + last + ".";
        }
    }

    /** Refused before anything was written; {@code reason} says why and what to do instead. */
    record Rejected(String reason) implements EditOutcome {
        @Override
        public String observation() {
            return "Edit REJECTED, nothing was changed: " + reason;
        }
    }

    /** The edit would make the change larger than a person should review unseen; the run stops for a human. */
    record Oversized(String reason) implements EditOutcome {
        @Override
        public String observation() {
            return "Edit REJECTED and the run stops: " + reason;
        }
    }
}
