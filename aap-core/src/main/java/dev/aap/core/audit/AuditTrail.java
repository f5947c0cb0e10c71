package dev.aap.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventListener;
import dev.aap.core.Digest;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A run's side effects and decisions as audit records, from its events: the run and who started it, each sandbox
 * execution, each model call (model and tokens, never the text), each edit the agent applied or was refused, the
 * policy verdict with its reasons, the commit, and the end. Digests stand in for content.
 */
public final class AuditTrail implements EventListener {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditLog log;
    private final String runId;
    private final String actor;

    /** {@code actor}: who asked for the run ({@code user:alice}, {@code token:ci}, {@code webhook:github:octocat}). */
    public AuditTrail(AuditLog log, String runId, String actor) {
        this.log = log;
        this.runId = runId;
        this.actor = actor;
    }

    @Override
    public void onEvent(long seq, Event event) {
        ObjectNode d = JSON.createObjectNode();
        String action;
        String who = "aap";
        switch (event) {
            case Event.RunStarted s -> {
                action = "run.started";
                who = actor;
                d.put("repo", s.repo()).put("base_commit", s.baseCommit()).put("strategy", s.strategy())
                        .put("sandbox", s.sandbox());
            }
            case Event.ChecksRan c -> {
                action = "sandbox.exec";
                d.put("label", c.label()).put("command", c.command()).put("exit", c.exitCode())
                        .put("millis", c.millis()).put("tests", c.tests()).put("failures", c.failures());
            }
            case Event.ModelCalled m -> {
                action = "model.call";
                who = "model:" + m.model();
                d.put("role", m.role()).put("input_tokens", m.inputTokens()).put("output_tokens", m.outputTokens())
                        .put("cached", m.cached()).put("millis", m.millis()).put("request_sha256", m.requestSha256());
            }
            case Event.ToolCalled t when t.tool().equals("propose_edit") -> {
                action = t.ok() ? "edit.applied" : "edit.refused";
                who = "model";
                d.put("step", t.step()).put("request_sha256", Digest.sha256(t.brief()));
                if (!t.diffSha256().isEmpty()) {
                    d.put("diff_sha256", t.diffSha256());
                }
            }
            case Event.PolicyDecided p -> {
                action = "policy.verdict";
                d.put("allowed", p.allowed()).put("patch_sha256", p.patchSha256());
                p.reasons().stream().limit(20).forEach(r -> d.withArray("reasons").add(clip(r)));
            }
            case Event.Integrated i -> {
                action = "git.commit";
                d.put("branch", i.branch()).put("commit", i.commit());
            }
            case Event.RunFinished f -> {
                action = "run.finished";
                d.put("status", f.status()).put("exit", f.exitCode()).put("message", clip(f.message()));
            }
            default -> {
                return;
            }
        }
        try {
            log.append(runId, who, action, d);
        } catch (RuntimeException e) {
            // the audit trail must not end a run; a gap shows up in `aap audit verify` only as missing records
            LOG.log(Level.WARNING, "cannot append to the audit trail: " + e.getMessage());
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

}
