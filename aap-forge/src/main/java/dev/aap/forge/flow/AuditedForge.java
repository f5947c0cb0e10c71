package dev.aap.forge.flow;

import dev.aap.forge.Forge;
import dev.aap.forge.GitRemote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** A forge that reports each change it made to a {@link ForgeAudit}; reads pass straight through. */
final class AuditedForge implements Forge {

    private final Forge forge;
    private final ForgeAudit audit;

    AuditedForge(Forge forge, ForgeAudit audit) {
        this.forge = forge;
        this.audit = audit;
    }

    /** {@code forge} reporting to {@code audit}, or {@code forge} itself when there is nothing to report to. */
    static Forge of(Forge forge, ForgeAudit audit) {
        return audit == null || audit == ForgeAudit.NONE ? forge : new AuditedForge(forge, audit);
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
    public long comment(long issue, String body) {
        long id = forge.comment(issue, body);
        audit.record(new ForgeAction.Commented(issue, false, id, sha256(body), false));
        return id;
    }

    @Override
    public void editComment(long issue, long commentId, String body) {
        forge.editComment(issue, commentId, body);
        audit.record(new ForgeAction.Commented(issue, false, commentId, sha256(body), true));
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
        PullRequest pr = forge.createPullRequest(branch, base, title, body);
        audit.record(new ForgeAction.PullRequestSaved(pr.number(), pr.url(), true));
        return pr;
    }

    @Override
    public void updatePullRequest(long number, String title, String body) {
        forge.updatePullRequest(number, title, body);
        audit.record(new ForgeAction.PullRequestSaved(number, null, false));
    }

    @Override
    public void requestReview(long number, String user) {
        forge.requestReview(number, user);
        audit.record(new ForgeAction.ReviewRequested(number, user));
    }

    @Override
    public long commentOnPullRequest(long number, String body) {
        long id = forge.commentOnPullRequest(number, body);
        audit.record(new ForgeAction.Commented(number, true, id, sha256(body), false));
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
    public void reply(long number, ReviewComment comment, String body) {
        forge.reply(number, comment, body);
        audit.record(new ForgeAction.ReviewReplied(number, comment.id(), comment.thread(), sha256(body)));
    }

    @Override
    public String permission(String user) {
        return forge.permission(user);
    }

    @Override
    public GitRemote remote() {
        return forge.remote();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
