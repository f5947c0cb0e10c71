package dev.aap.agent.edit;

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
     * @param view      the edited region with line numbers and a little context
     */
    record Applied(String file, int startLine, int removed, int added, String view) implements EditOutcome {
        @Override
        public String observation() {
            return "Edit applied to " + file + " (-" + removed + " +" + added + " lines). The region now reads:\n"
                    + view;
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
