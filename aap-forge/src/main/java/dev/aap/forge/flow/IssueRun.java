package dev.aap.forge.flow;

import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.Marks;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A run on a forge issue, seen from the issue: a 👀 on start, one progress comment edited as steps finish, and at
 * the end the branch {@code aap/issue-<n>} pushed and a draft pull request opened (or the one already open
 * updated), with the requester asked for review; or the reasons it stopped. Progress edits are best effort: a
 * forge hiccup there never fails the run; the push and the pull request at the end are reported when they fail.
 */
public final class IssueRun {

    private static final Logger LOG = Logger.getLogger(IssueRun.class.getName());

    /** What survives a takeover: the progress comment to keep editing. */
    public record State(long commentId) {
    }

    private final Forge forge;
    private final ForgeAudit audit;
    private final long issue;
    private final Progress progress;
    private long commentId;

    public IssueRun(Forge forge, long issue, String runId, String runUrl) {
        this(forge, issue, runId, runUrl, ForgeAudit.NONE);
    }

    /** As above, reporting each reaction, comment, push and pull request to {@code audit}. */
    public IssueRun(Forge forge, long issue, String runId, String runUrl, ForgeAudit audit) {
        this.forge = AuditedForge.of(forge, audit);
        this.audit = audit;
        this.issue = issue;
        this.progress = new Progress(runId, runUrl);
    }

    /** Reacts and posts the progress comment, or takes over the comment an earlier attempt posted. */
    public State begin(State earlier) {
        if (earlier != null && earlier.commentId() > 0) {
            commentId = earlier.commentId();
            edit("aap took this run over after a restart.", null);
            return earlier;
        }
        try {
            forge.react(issue);
        } catch (ForgeException e) {
            LOG.log(Level.WARNING, "cannot react on issue #" + issue + ": " + e.getMessage());
        }
        commentId = forge.comment(issue, progress.render(working(), null));
        return new State(commentId);
    }

    public void stepStarted(String step) {
        progress.started(step);
        edit(working(), null);
    }

    public void stepFinished(String step, long ms, String summary) {
        progress.finished(step, ms, summary);
        edit(working(), null);
    }

    /** Pushes and opens the pull request when the run succeeded; says why not otherwise. */
    public ForgeResult finish(Path repo, Finished f, String base, String requester, String issueTitle) {
        if ("NEEDS_INPUT".equals(f.status()) && !f.questions().isEmpty()) {
            edit("aap needs answers before it goes on.", questions(f.questions()));
            return new ForgeResult("asked " + f.questions().size() + " question(s) on the issue", null, false);
        }
        if (!f.succeeded()) {
            String outcome = failure(f);
            edit("aap could not finish this issue.", outcome);
            return new ForgeResult(f.status() + ": nothing pushed", null, false);
        }
        String branch = Marks.branch(issue);
        try {
            var pushed = BranchPush.push(repo, forge.remote(), f.commit(), branch);
            if (pushed instanceof BranchPush.Outcome.Moved(String tip, List<String> foreign)) {
                edit("aap has a fix but did not push it.", moved(branch, tip, foreign));
                return new ForgeResult("branch " + branch + " has commits by someone else; not pushed", null, false);
            }
            Pushes.record(audit, branch, pushed);
            var text = PullRequestText.of(f.runDir(), forge.kind(), issue, issueTitle);
            var open = forge.openPullRequest(branch);
            Forge.PullRequest pr;
            if (open.isPresent()) {
                pr = open.get();
                forge.updatePullRequest(pr.number(), text.title(), text.body());
            } else {
                pr = forge.createPullRequest(branch, base, text.title(), text.body());
                if (requester != null && !requester.isBlank()) {
                    forge.requestReview(pr.number(), requester);
                }
            }
            String what = open.isPresent() ? "updated" : "opened";
            edit("aap has a fix for review.", "Draft pull request " + what + ": " + pr.url() + " (branch `" + branch
                    + "`, commit " + f.commit().substring(0, Math.min(12, f.commit().length())) + ").");
            return new ForgeResult("pull request " + what + ": " + pr.url(), pr.url(), true);
        } catch (ForgeException e) {
            edit("aap has a fix but could not publish it.", "Publishing failed: " + e.getMessage());
            throw e;
        }
    }

    static String failure(Finished f) {
        var b = new StringBuilder("Run ended **").append(f.status()).append("**: ").append(f.message());
        if (!f.reasons().isEmpty()) {
            b.append("\n\nThe policy stopped the change:\n");
            f.reasons().stream().limit(20).forEach(r -> b.append("- ").append(r).append('\n'));
        }
        b.append("\n\nComment `/aap retry` to run it again, or add details to the issue first.");
        return b.toString();
    }

    static String questions(List<String> questions) {
        var b = new StringBuilder("The issue leaves open what the change depends on:\n");
        for (int i = 0; i < questions.size() && i < 10; i++) {
            b.append(i + 1).append(". ").append(questions.get(i)).append('\n');
        }
        b.append("\nAnswer in a comment on this issue (someone with write access); aap goes on with the answers.");
        return b.toString();
    }

    static String moved(String branch, String tip, List<String> foreign) {
        var b = new StringBuilder("Branch `").append(branch).append("` is at ").append(tip, 0, Math.min(12,
                tip.length())).append(" with commits aap did not make, so aap did not overwrite it:\n");
        foreign.stream().limit(10).forEach(c -> b.append("- ").append(c).append('\n'));
        b.append("\nMerge or drop them, then comment `/aap retry`.");
        return b.toString();
    }

    private String working() {
        return "aap is working on this issue.";
    }

    private void edit(String headline, String outcome) {
        if (commentId <= 0) {
            return;
        }
        try {
            forge.editComment(issue, commentId, progress.render(headline, outcome));
        } catch (ForgeException e) {
            LOG.log(Level.WARNING, "cannot update the progress comment on issue #" + issue + ": " + e.getMessage());
        }
    }
}
