package dev.aap.server.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.audit.AuditLog;
import dev.aap.forge.flow.ForgeAction;
import dev.aap.forge.flow.ForgeAudit;
import dev.aap.server.store.Json;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A run's changes on a forge as audit records in the server's log, under the forge identity aap acts as. */
final class ForgeAuditLog implements ForgeAudit {

    private static final Logger LOG = Logger.getLogger(ForgeAuditLog.class.getName());

    private final AuditLog log;
    private final String runId;
    private final String actor;
    private final String repository;

    ForgeAuditLog(AuditLog log, String runId, String actor, String repository) {
        this.log = log;
        this.runId = runId;
        this.actor = actor;
        this.repository = repository;
    }

    /** The sink for a job: nothing when the server keeps no audit log. */
    static ForgeAudit of(RunJob job, dev.aap.forge.Forge forge) {
        return job.audit() == null ? ForgeAudit.NONE
                : new ForgeAuditLog(job.audit(), job.runId(), forge.identity(), forge.repository());
    }

    @Override
    public void record(ForgeAction action) {
        ObjectNode d = Json.MAPPER.createObjectNode().put("repository", repository);
        String name = switch (action) {
            case ForgeAction.Pushed p -> {
                d.put("branch", p.branch()).put("commit", p.commit()).put("how", p.how()).put("forced", p.forced());
                yield "git.push";
            }
            case ForgeAction.PullRequestSaved pr -> {
                d.put("number", pr.number());
                if (pr.url() != null) {
                    d.put("url", pr.url());
                }
                yield pr.created() ? "forge.pull_request.created" : "forge.pull_request.updated";
            }
            case ForgeAction.ReviewRequested r -> {
                d.put("number", r.number()).put("user", r.user());
                yield "forge.review.requested";
            }
            case ForgeAction.Commented c -> {
                d.put(c.onPullRequest() ? "pull_request" : "issue", c.number()).put("comment_id", c.commentId())
                        .put("body_sha256", c.bodySha256());
                yield c.edited() ? "forge.comment.edited" : "forge.comment.posted";
            }
            case ForgeAction.ReviewReplied r -> {
                d.put("pull_request", r.number()).put("comment_id", r.commentId()).put("body_sha256", r.bodySha256());
                if (r.thread() != null) {
                    d.put("thread", r.thread());
                }
                yield "forge.review.replied";
            }
            case ForgeAction.Reacted r -> {
                d.put("issue", r.issue()).put("reaction", r.reaction());
                yield "forge.reaction.added";
            }
        };
        try {
            log.append(runId, actor, name, d);
        } catch (RuntimeException e) {
            // the forge already holds the change; a missing record shows as a gap, never as a failed run
            LOG.log(Level.WARNING, "cannot append to the audit trail: " + e.getMessage());
        }
    }
}
