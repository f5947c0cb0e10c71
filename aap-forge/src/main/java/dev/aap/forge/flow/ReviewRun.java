package dev.aap.forge.flow;

import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.Marks;

import java.nio.file.Path;
import java.util.List;

/**
 * A follow-up run on one of aap's pull requests: the review's comments (file, line, diff hunk, text) become the
 * task; the result goes to the same branch as a new commit (never a force-push), and each comment is answered in
 * its thread.
 */
public final class ReviewRun {

    private static final int MAX_HUNK_LINES = 15;

    private final Forge forge;
    private final ForgeAudit audit;
    private final long number;
    private final long reviewId;
    private List<Forge.ReviewComment> comments = List.of();

    public ReviewRun(Forge forge, long number, long reviewId) {
        this(forge, number, reviewId, ForgeAudit.NONE);
    }

    /** As above, reporting each push, reply and comment to {@code audit}. */
    public ReviewRun(Forge forge, long number, long reviewId, ForgeAudit audit) {
        this.forge = AuditedForge.of(forge, audit);
        this.audit = audit;
        this.number = number;
        this.reviewId = reviewId;
    }

    /** Reads the review and returns the task text; empty when there is nothing to act on. */
    public String task() {
        comments = forge.reviewComments(number, reviewId).stream()
                .filter(c -> !Marks.ours(c.body()) && !c.body().isBlank()).toList();
        String summary = forge.reviewSummary(number, reviewId);
        if (comments.isEmpty() && summary.isBlank()) {
            return "";
        }
        var b = new StringBuilder("Follow-up on pull request #").append(number)
                .append(": change the code on this branch so that the review below is addressed. Keep the"
                        + " change small and keep the tests passing.\n");
        if (!summary.isBlank()) {
            b.append("\nThe review says:\n").append(summary).append('\n');
        }
        int i = 1;
        for (Forge.ReviewComment c : comments) {
            b.append("\nReview comment ").append(i++).append(" by ").append(c.author());
            if (!c.path().isBlank()) {
                b.append(" on ").append(c.path()).append(c.line() > 0 ? ":" + c.line() : "");
            }
            b.append(":\n").append(c.body().strip()).append('\n');
            if (!c.diffHunk().isBlank()) {
                List<String> lines = c.diffHunk().lines().toList();
                b.append("```diff\n").append(String.join("\n", lines.subList(Math.max(0,
                        lines.size() - MAX_HUNK_LINES), lines.size()))).append("\n```\n");
            }
        }
        return b.toString();
    }

    public List<Forge.ReviewComment> comments() {
        return comments;
    }

    /** Pushes the follow-up commit and answers the review, or says in each thread why nothing changed. */
    public ForgeResult finish(Path repo, Finished f, String branch) {
        if (!f.succeeded()) {
            String why = "aap could not address this: run ended " + f.status() + ": " + f.message()
                    + (f.reasons().isEmpty() ? "" : " (" + String.join("; ", f.reasons()) + ")");
            answerAll(why);
            if (comments.isEmpty()) {
                // a review with only a summary has no thread to answer in
                forge.commentOnPullRequest(number, why + "\n\n" + Marks.COMMENT);
            }
            return new ForgeResult(f.status() + ": nothing pushed", null, false);
        }
        var pushed = BranchPush.push(repo, forge.remote(), f.commit(), branch);
        if (pushed instanceof BranchPush.Outcome.Moved(String tip, List<String> foreign)) {
            forge.commentOnPullRequest(number, IssueRun.moved(branch, tip, foreign) + "\n\n" + Marks.COMMENT);
            return new ForgeResult("branch " + branch + " moved during the run; not pushed", null, false);
        }
        Pushes.record(audit, branch, pushed);
        String sha = f.commit().substring(0, Math.min(12, f.commit().length()));
        answerAll("Addressed in " + sha + ".");
        forge.commentOnPullRequest(number, "aap pushed " + sha + " to `" + branch + "` for this review ("
                + comments.size() + " comment(s)).\n\n" + Marks.COMMENT);
        return new ForgeResult("follow-up pushed to " + branch + " at " + sha, null, true);
    }

    private void answerAll(String text) {
        for (Forge.ReviewComment c : comments) {
            try {
                forge.reply(number, c, text + "\n\n" + Marks.COMMENT);
            } catch (ForgeException e) {
                java.util.logging.Logger.getLogger(ReviewRun.class.getName())
                        .warning("cannot answer review comment " + c.id() + ": " + e.getMessage());
            }
        }
    }
}
