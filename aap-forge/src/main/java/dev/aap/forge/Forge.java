package dev.aap.forge;

import java.util.List;
import java.util.Optional;

/**
 * The calls a run makes on one repository of a forge: read the issue, say it is being worked on, keep one progress
 * comment up to date, open or update the pull (merge) request, and answer review comments. GitHub and GitLab
 * implement it over their REST APIs; every failure is a {@link ForgeException} whose message is one line.
 */
public interface Forge {

    /** {@code github} or {@code gitlab}. */
    String kind();

    /** The forge's name of the repository: {@code owner/name}, or GitLab's project path. */
    String repository();

    /**
     * Who acts on the forge, as an audit actor: {@code github-app:<id>}, {@code github-token} or
     * {@code gitlab-token}; never the credential itself.
     */
    default String identity() {
        return kind() + "-token";
    }

    Issue issue(long number);

    /** The 👀 reaction (GitHub) or the {@code eyes} award emoji (GitLab) on the issue. */
    void react(long issue);

    /** A new comment on the issue; returns its id. */
    long comment(long issue, String body);

    /** Replaces the body of a comment this forge returned from {@link #comment}. */
    void editComment(long issue, long commentId, String body);

    /** The open pull request whose head is {@code branch} of this repository, if there is one. */
    Optional<PullRequest> openPullRequest(String branch);

    PullRequest pullRequest(long number);

    /** A new draft pull request from {@code branch} into {@code base}. */
    PullRequest createPullRequest(String branch, String base, String title, String body);

    void updatePullRequest(long number, String title, String body);

    /** Asks {@code user} for a review; a user the forge does not know is skipped, not an error. */
    void requestReview(long number, String user);

    /** A comment on the pull request's conversation (not on a line); returns its id. */
    long commentOnPullRequest(long number, String body);

    /**
     * The comments of one review (GitHub: those of review {@code reviewId}; GitLab, which has no reviews in its
     * hooks: the first note of each unresolved discussion on the merge request that is not aap's own, and the note
     * {@code reviewId} that started the follow-up even when it is a plain comment).
     */
    List<ReviewComment> reviewComments(long number, long reviewId);

    /**
     * The review's own text (GitHub: the body a reviewer writes when submitting; empty on GitLab, whose notes are all
     * comments), or empty.
     */
    default String reviewSummary(long number, long reviewId) {
        return "";
    }

    /** Answers a review comment in its thread. */
    void reply(long number, ReviewComment comment, String body);

    /**
     * The access of {@code user} to this repository, as one of {@code none, read, write, admin} (GitHub:
     * collaborator permission; GitLab: access level, Developer and above is write).
     */
    String permission(String user);

    /** How git reaches the repository: its clone URL and the environment that authenticates a fetch or push. */
    GitRemote remote();

    /** An issue as the forge shows it. */
    record Issue(long number, String title, String body, String state, String author, String url) {

        public boolean open() {
            return "open".equals(state) || "opened".equals(state);
        }
    }

    /**
     * A pull (merge) request.
     *
     * @param state {@code open}, {@code closed} or {@code merged}
     */
    record PullRequest(long number, String url, String branch, String base, String state, String author,
                       String headSha) {
    }

    /**
     * A review comment, with where it points.
     *
     * @param thread the discussion it belongs to (GitLab's discussion id), or null on GitHub
     * @param line   the line in the new file, or 0 for a comment on the whole file or the change
     */
    record ReviewComment(long id, String thread, String path, int line, String diffHunk, String body,
                         String author) {
    }
}
