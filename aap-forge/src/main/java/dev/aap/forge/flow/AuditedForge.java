package dev.aap.forge.flow;

import dev.aap.core.Digest;
import dev.aap.core.secrets.Redactor;
import dev.aap.forge.Forge;
import dev.aap.forge.GitRemote;

import java.util.List;
import java.util.Optional;

/**
 * The forge as the flows write to it: every title and body masked for secrets first (a failure reason or a review
 * answer can quote test output), and each change reported to a {@link ForgeAudit}; reads pass straight through.
 */
final class AuditedForge implements Forge {

    private final Forge forge;
    private final ForgeAudit audit;

    AuditedForge(Forge forge, ForgeAudit audit) {
        this.forge = forge;
        this.audit = audit;
    }

    private static final Redactor REDACTOR = Redactor.standard();

    /** {@code forge} masking what it writes and reporting to {@code audit} (null: nothing to report to). */
    static Forge of(Forge forge, ForgeAudit audit) {
        return forge instanceof AuditedForge ? forge : new AuditedForge(forge, audit == null ? ForgeAudit.NONE : audit);
    }

    @Override
    public String kind() {
        return forge.kind();
    }

    @Override
    public String repository() {
        return forge.repository();
    }

    @Override
    public String identity() {
        return forge.identity();
    }

    @Override
    public Issue issue(long number) {
        return forge.issue(number);
    }

    @Override
    public void react(long issue) {
        forge.react(issue);
        audit.record(new ForgeAction.Reacted(issue, "eyes"));
    }

    @Override
    public long comment(long issue, String given) {
        String body = REDACTOR.redact(given);
        long id = forge.comment(issue, body);
        audit.record(new ForgeAction.Commented(issue, false, id, Digest.sha256(body), false));
        return id;
    }

    @Override
    public void editComment(long issue, long commentId, String given) {
        String body = REDACTOR.redact(given);
        forge.editComment(issue, commentId, body);
        audit.record(new ForgeAction.Commented(issue, false, commentId, Digest.sha256(body), true));
    }

    @Override
    public Optional<PullRequest> openPullRequest(String branch) {
        return forge.openPullRequest(branch);
    }

    @Override
    public PullRequest pullRequest(long number) {
        return forge.pullRequest(number);
    }

    @Override
    public PullRequest createPullRequest(String branch, String base, String title, String body) {
        PullRequest pr = forge.createPullRequest(branch, base, REDACTOR.redact(title), REDACTOR.redact(body));
        audit.record(new ForgeAction.PullRequestSaved(pr.number(), pr.url(), true));
        return pr;
    }

    @Override
    public void updatePullRequest(long number, String title, String body) {
        forge.updatePullRequest(number, REDACTOR.redact(title), REDACTOR.redact(body));
        audit.record(new ForgeAction.PullRequestSaved(number, null, false));
    }

    @Override
    public void requestReview(long number, String user) {
        forge.requestReview(number, user);
        audit.record(new ForgeAction.ReviewRequested(number, user));
    }

    @Override
    public long commentOnPullRequest(long number, String given) {
        String body = REDACTOR.redact(given);
        long id = forge.commentOnPullRequest(number, body);
        audit.record(new ForgeAction.Commented(number, true, id, Digest.sha256(body), false));
        return id;
    }

    @Override
    public List<ReviewComment> reviewComments(long number, long reviewId) {
        return forge.reviewComments(number, reviewId);
    }

    @Override
    public String reviewSummary(long number, long reviewId) {
        return forge.reviewSummary(number, reviewId);
    }

    @Override
    public void reply(long number, ReviewComment comment, String given) {
        String body = REDACTOR.redact(given);
        forge.reply(number, comment, body);
        audit.record(new ForgeAction.ReviewReplied(number, comment.id(), comment.thread(), Digest.sha256(body)));
    }

    @Override
    public String permission(String user) {
        return forge.permission(user);
    }

    @Override
    public GitRemote remote() {
        return forge.remote();
    }

}
