package dev.aap.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.AapException;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.workspace.Git;
import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.Forges;
import dev.aap.forge.flow.Finished;
import dev.aap.forge.flow.ForgeResult;
import dev.aap.forge.flow.IssueRun;
import dev.aap.forge.flow.ReviewRun;
import dev.aap.server.store.Json;
import dev.aap.server.store.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs that a forge event started report back to the forge: around the real executor, an issue run reacts, keeps
 * its progress comment current from the run's step events and ends with a pushed branch and a draft pull request
 * (or the reasons it did not); a review run reads the review as its task and answers it. Runs without a forge
 * origin pass straight through.
 */
public final class ForgeExecutor implements RunExecutor {

    private static final String STEP = "forge";

    private final RunExecutor delegate;
    private final Forges forges;
    private final Supplier<String> publicUrl;

    public ForgeExecutor(RunExecutor delegate, Forges forges, Supplier<String> publicUrl) {
        this.delegate = delegate;
        this.forges = forges;
        this.publicUrl = publicUrl;
    }

    @Override
    public Outcome run(RunJob job) throws Exception {
        JsonNode origin = job.spec().origin();
        JsonNode settings = job.repo().forge();
        if (origin == null || !origin.isObject() || settings == null || !settings.isObject()) {
            return delegate.run(job);
        }
        Forge forge;
        try {
            forge = forges.open(settings.path("kind").asText(), settings.path("repository").asText(),
                    text(settings, "base_url"), job.repo().url());
        } catch (ForgeException e) {
            note(job, "nothing is reported on the forge: " + e.getMessage());
            return delegate.run(job);
        }
        return "review".equals(origin.path("kind").asText()) ? review(job, forge, origin) : issue(job, forge, origin);
    }

    private Outcome issue(RunJob job, Forge forge, JsonNode origin) throws Exception {
        long number = origin.path("issue").asLong();
        var run = new IssueRun(forge, number, job.runId(), publicUrl.get() + "/runs/" + job.runId(),
                ForgeAuditLog.of(job, forge));
        IssueRun.State earlier = job.steps().load(STEP).map(n -> new IssueRun.State(n.path("comment_id").asLong()))
                .orElse(null);
        try {
            IssueRun.State state = run.begin(earlier);
            job.steps().save(STEP, Json.MAPPER.createObjectNode().put("comment_id", state.commentId()));
        } catch (ForgeException e) {
            note(job, "cannot comment on issue #" + number + ": " + e.getMessage());
        }
        job.events().listen((type, json) -> {
            switch (type) {
                case "step_started" -> run.stepStarted(json.path("step").asText());
                case "step_finished" -> run.stepFinished(json.path("step").asText(), json.path("millis").asLong(),
                        json.path("summary").asText(""));
                default -> {
                }
            }
        });
        Outcome out = runDelegate(job, run::finish);
        try {
            ForgeResult r = run.finish(job.repoDir(), finished(job, out), base(job),
                    origin.path("requester").asText(""), origin.path("title").asText(""));
            note(job, r.summary(), r.pullRequest());
            return out;
        } catch (ForgeException e) {
            note(job, "publishing failed: " + e.getMessage());
            return publishFailed(out, e);
        }
    }

    private Outcome review(RunJob job, Forge forge, JsonNode origin) throws Exception {
        long number = origin.path("pull_request").asLong();
        var run = new ReviewRun(forge, number, origin.path("review_id").asLong(), ForgeAuditLog.of(job, forge));
        String task;
        try {
            task = run.task();
        } catch (ForgeException e) {
            return new Outcome("FAILED", ExitCodes.ENVIRONMENT, "cannot read the review: " + e.getMessage(), null);
        }
        if (task.isBlank()) {
            return new Outcome("SUCCEEDED", ExitCodes.VERIFIED, "the review has no comments to act on", null);
        }
        note(job, "the task is review " + origin.path("review_id").asLong() + " of pull request #" + number + ": "
                + run.comments().size() + " comment(s)");
        TaskSpec s = job.spec();
        var spec = new TaskSpec(s.repo(), s.baseRef(), task, s.goal(), s.acceptanceCriteria(), s.targetTests(),
                s.strategy(), s.model(), s.budgetSeconds(), s.constraints(), s.origin());
        var withTask = new RunJob(job.runId(), job.attempt(), spec, job.repo(), job.repoDir(), job.baseCommit(),
                job.runDir(), job.events(), job.steps(), job.cancellation(), job.requester(), job.audit());
        Outcome out = runDelegate(withTask, null);
        try {
            ForgeResult r = run.finish(job.repoDir(), finished(job, out), origin.path("branch").asText());
            note(job, r.summary(), null);
            return out;
        } catch (ForgeException e) {
            note(job, "publishing failed: " + e.getMessage());
            return publishFailed(out, e);
        }
    }

    /** A run whose code is done but whose branch or pull request could not be published ends FAILED, saying so. */
    private static Outcome publishFailed(Outcome out, ForgeException e) {
        if (!"SUCCEEDED".equals(out.status())) {
            return out;
        }
        return new Outcome("FAILED", ExitCodes.ENVIRONMENT, "the change is on the run's branch but publishing it"
                + " failed: " + e.getMessage(), out.result());
    }

    /** Runs the real executor; when it throws, the issue still hears why before the exception goes on. */
    private Outcome runDelegate(RunJob job, Finisher onThrow) throws Exception {
        try {
            return delegate.run(job);
        } catch (AapException | InterruptedException e) {
            if (onThrow != null) {
                String status = e instanceof InterruptedException ? "CANCELLED" : "FAILED";
                try {
                    onThrow.finish(job.repoDir(), new Finished(status, String.valueOf(e.getMessage()), null, null,
                            job.runDir()), null, null, null);
                } catch (ForgeException ignored) {
                    // the run's own failure is what is reported
                }
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface Finisher {
        ForgeResult finish(java.nio.file.Path repo, Finished f, String base, String requester, String title);
    }

    private static Finished finished(RunJob job, Outcome out) {
        JsonNode r = out.result() == null ? Json.MAPPER.createObjectNode() : out.result();
        List<String> reasons = new ArrayList<>();
        r.path("policy_reasons").forEach(n -> reasons.add(n.asText()));
        String status = job.cancellation().requested() && !"SUCCEEDED".equals(out.status()) ? "CANCELLED"
                : out.status();
        List<String> questions = new ArrayList<>();
        r.path("questions").forEach(n -> questions.add(n.asText()));
        return new Finished(status, out.message(), text(r, "commit"), reasons, job.runDir(), questions);
    }

    /** The branch pull requests go into: the repository's default branch as registered, else the clone's HEAD. */
    private static String base(RunJob job) {
        if (job.repo().defaultBranch() != null && !job.repo().defaultBranch().isBlank()) {
            return job.repo().defaultBranch();
        }
        Git.Result head = Git.run(job.repoDir(), "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD");
        if (head.ok() && head.out().strip().startsWith("origin/")) {
            return head.out().strip().substring("origin/".length());
        }
        Git.Result local = Git.run(job.repoDir(), "symbolic-ref", "--quiet", "--short", "HEAD");
        return local.ok() ? local.out().strip() : "main";
    }

    private static void note(RunJob job, String detail) {
        note(job, detail, null);
    }

    private static void note(RunJob job, String detail, String pullRequest) {
        ObjectNode fields = Json.MAPPER.createObjectNode().put("detail", detail);
        if (pullRequest != null) {
            fields.put("pull_request", pullRequest);
        }
        job.events().emit(STEP, fields);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
