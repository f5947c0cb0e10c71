package dev.aap.forge.flow;

/**
 * A change aap made on a forge, as the audit trail records it: bodies are given by their SHA-256 only, so the record
 * proves what was posted without holding the text.
 */
public sealed interface ForgeAction {

    /**
     * A branch was moved to a commit.
     *
     * @param how    created, fast-forward or replaced ({@link BranchPush})
     * @param forced whether the push overwrote commits (a replace, with a lease on the tip aap saw)
     */
    record Pushed(String branch, String commit, String how, boolean forced) implements ForgeAction {
    }

    /** A pull (merge) request was opened ({@code created}) or its title and body replaced. */
    record PullRequestSaved(long number, String url, boolean created) implements ForgeAction {
    }

    /** Someone was asked to review a pull request. */
    record ReviewRequested(long number, String user) implements ForgeAction {
    }

    /**
     * A comment was posted or edited.
     *
     * @param onPullRequest whether {@code number} is a pull request (its conversation) rather than an issue
     */
    record Commented(long number, boolean onPullRequest, long commentId, String bodySha256, boolean edited)
            implements ForgeAction {
    }

    /** A review comment was answered in its thread; {@code commentId} is the comment answered. */
    record ReviewReplied(long number, long commentId, String thread, String bodySha256) implements ForgeAction {
    }

    /** A reaction was put on an issue. */
    record Reacted(long issue, String reaction) implements ForgeAction {
    }
}
