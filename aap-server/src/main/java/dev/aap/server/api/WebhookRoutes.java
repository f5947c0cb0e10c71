package dev.aap.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.run.RunId;
import dev.aap.forge.Marks;
import dev.aap.forge.webhook.GitHubEvents;
import dev.aap.forge.webhook.GitLabEvents;
import dev.aap.forge.webhook.Signatures;
import dev.aap.forge.webhook.Trigger;
import dev.aap.server.store.Json;
import dev.aap.server.store.RepoRecord;
import dev.aap.server.store.RunRecord;
import dev.aap.server.store.Runs;
import dev.aap.server.store.TaskSpec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /webhooks/github} and {@code /webhooks/gitlab}: the signature is checked on the raw bytes before anything is parsed, each
 * delivery is taken once, and work goes to the queue (the answer comes at once: 202 with the task). Events that
 * start nothing are answered 200 with the reason, so the forge keeps the hook enabled.
 */
final class WebhookRoutes {

    private static final String GITHUB = "github";
    private static final String GITLAB = "gitlab";

    private final Services s;

    WebhookRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.post("/webhooks/github", this::github);
        r.post("/webhooks/gitlab", this::gitlab);
    }

    private void github(Context ctx) {
        String secret = s.webhooks().githubSecret();
        if (secret == null) {
            throw Problem.notFound("GitHub webhooks are off on this server: set AAP_GITHUB_WEBHOOK_SECRET");
        }
        byte[] body = Requests.bytes(ctx, s.config().maxBodyBytes());
        if (!Signatures.github(secret, body, ctx.header("X-Hub-Signature-256"))) {
            throw new Problem(401, "Unauthorized", "X-Hub-Signature-256 does not match this body and the"
                    + " configured secret");
        }
        String delivery = ctx.header("X-GitHub-Delivery");
        if (delivery == null || delivery.isBlank() || delivery.length() > 100) {
            throw Problem.badRequest("X-GitHub-Delivery is missing or too long");
        }
        JsonNode payload = firstTime(ctx, GITHUB, delivery, body);
        if (payload != null) {
            act(ctx, GITHUB, delivery, GitHubEvents.parse(ctx.header("X-GitHub-Event"), payload,
                    s.webhooks().label()));
        }
    }

    /** The delivery's JSON when this is the first time it arrives; null when it was answered as a duplicate. */
    private JsonNode firstTime(Context ctx, String source, String delivery, byte[] body) {
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw Problem.badRequest("the delivery is not JSON");
        }
        if (!s.deliveries().first(source, delivery)) {
            ctx.status(200).json(answer("duplicate", "delivery " + delivery + " was taken already"));
            return null;
        }
        return payload;
    }

    private void gitlab(Context ctx) {
        String token = s.webhooks().gitlabToken();
        if (token == null) {
            throw Problem.notFound("GitLab webhooks are off on this server: set AAP_GITLAB_WEBHOOK_TOKEN");
        }
        byte[] body = Requests.bytes(ctx, s.config().maxBodyBytes());
        if (!Signatures.gitlab(token, ctx.header("X-Gitlab-Token"))) {
            throw new Problem(401, "Unauthorized", "X-Gitlab-Token does not match the configured secret token");
        }
        // GitLab sends the same Idempotency-Key on every retry of one delivery; older versions only the event UUID
        String delivery = ctx.header("Idempotency-Key");
        if (delivery == null || delivery.isBlank()) {
            delivery = ctx.header("X-Gitlab-Event-UUID");
        }
        if (delivery == null || delivery.isBlank()) {
            delivery = "sha256:" + TokenSecrets.sha256(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (delivery.length() > 100) {
            throw Problem.badRequest("Idempotency-Key is too long");
        }
        JsonNode payload = firstTime(ctx, GITLAB, delivery, body);
        if (payload != null) {
            Trigger trigger = GitLabEvents.parse(ctx.header("X-Gitlab-Event"), payload, s.webhooks().label());
            act(ctx, GITLAB, delivery, writersOnly(trigger));
        }
    }

    /**
     * GitLab's hooks do not say what role the author has: ask the project. Below Developer (or a failed lookup)
     * starts nothing.
     */
    private Trigger writersOnly(Trigger trigger) {
        String requester = switch (trigger) {
            case Trigger.Fix f -> f.requester();
            case Trigger.Stop st -> st.requester();
            case Trigger.Retry rt -> rt.requester();
            case Trigger.Review rv -> rv.requester();
            case Trigger.Answer a -> a.requester();
            case Trigger.Ignored ignored -> null;
        };
        Optional<RepoRecord> repo = repoOf(trigger);
        if (requester == null || repo.isEmpty()) {
            return trigger;
        }
        if (trigger instanceof Trigger.Answer a && !waitsForAnswers(repo.get(), a)) {
            // most notes are conversation: no call to GitLab for them
            return new Trigger.Ignored("the note holds no /aap command, and no run of issue #" + a.issue()
                    + " waits for answers");
        }
        try {
            String level = s.webhooks().forges().open(GITLAB, repo.get().forge().path("repository").asText(),
                    baseUrl(repo.get()), repo.get().url()).permission(requester);
            return level.equals("write") || level.equals("admin") ? trigger
                    : new Trigger.Ignored(requester + " has no write access (GitLab role below Developer)");
        } catch (dev.aap.forge.ForgeException e) {
            return new Trigger.Ignored("cannot check " + requester + "'s role on GitLab: " + e.getMessage());
        }
    }

    private boolean waitsForAnswers(RepoRecord repo, Trigger.Answer a) {
        List<RunRecord> runs = s.runs().byOrigin(repo.name(), a.forge(), a.issue());
        return !runs.isEmpty() && "NEEDS_INPUT".equals(runs.get(0).status());
    }

    private static String baseUrl(RepoRecord repo) {
        JsonNode b = repo.forge().path("base_url");
        return b.isTextual() && !b.asText().isBlank() ? b.asText() : null;
    }

    private Optional<RepoRecord> repoOf(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Fix f -> s.repos().byForge(f.forge(), f.repository());
            case Trigger.Stop st -> s.repos().byForge(st.forge(), st.repository());
            case Trigger.Retry rt -> s.repos().byForge(rt.forge(), rt.repository());
            case Trigger.Review rv -> s.repos().byForge(rv.forge(), rv.repository());
            case Trigger.Answer a -> s.repos().byForge(a.forge(), a.repository());
            case Trigger.Ignored ignored -> Optional.empty();
        };
    }

    private void act(Context ctx, String source, String delivery, Trigger trigger) {
        Optional<RepoRecord> repo = repoOf(trigger);
        if (trigger instanceof Trigger.Ignored(String reason)) {
            ignore(ctx, source, delivery, reason);
            return;
        }
        if (repo.isEmpty()) {
            ignore(ctx, source, delivery, "the repository is not registered with aap (POST /api/v1/repos with forge)");
            return;
        }
        switch (trigger) {
            case Trigger.Fix f -> fix(ctx, source, delivery, repo.get(), f);
            case Trigger.Stop st -> stop(ctx, source, delivery, repo.get(), st.forge(), st.issue());
            case Trigger.Retry rt -> retry(ctx, source, delivery, repo.get(), rt.forge(), rt.issue());
            case Trigger.Review rv -> review(ctx, source, delivery, repo.get(), rv);
            case Trigger.Answer a -> answered(ctx, source, delivery, repo.get(), a);
            case Trigger.Ignored ignored -> ignore(ctx, source, delivery, ignored.reason());
        }
    }

    private void fix(Context ctx, String source, String delivery, RepoRecord repo, Trigger.Fix f) {
        ObjectNode origin = Json.MAPPER.createObjectNode().put("forge", f.forge()).put("repository", f.repository())
                .put("issue", f.issue()).put("requester", f.requester()).put("url", f.url())
                .put("title", f.title());
        String issue = "#" + f.issue() + " " + f.title() + (f.body().isBlank() ? "" : "\n\n" + f.body());
        var spec = new TaskSpec(repo.name(), null, issue, null, List.of(), List.of(), "auto", null, null, null,
                origin);
        String base = repo.defaultBranch() != null ? repo.defaultBranch() : "HEAD";
        Runs.Submitted sub = queue(source, delivery, spec, base, delivery, source + ":" + f.requester());
        queued(ctx, source, delivery, sub, "issue #" + f.issue() + " of " + f.repository() + " is queued");
    }

    /** Queues a task for a delivery; idempotent by {@code source:key} for {@code createdBy}. */
    private Runs.Submitted queue(String source, String delivery, TaskSpec spec, String base, String key,
                                 String createdBy) {
        try {
            return s.runs().submit(RunId.next().value(), RunId.next().value(), spec, base, source + ":" + key,
                    TokenSecrets.sha256(key), createdBy, s.config().maxQueuedPerRepo());
        } catch (Runs.QueueFull full) {
            s.deliveries().outcome(source, delivery, "queue full", null);
            throw Problem.tooMany(full.getMessage(), 60);
        }
    }

    private void queued(Context ctx, String source, String delivery, Runs.Submitted sub, String detail) {
        s.deliveries().outcome(source, delivery, "queued", sub.taskId());
        ObjectNode out = answer("queued", detail);
        out.put("task_id", sub.taskId());
        out.put("run_id", sub.runId());
        ctx.status(202).json(out);
    }

    /** A review on an aap pull request: one follow-up run per review key, on the pull request's branch. */
    private void review(Context ctx, String source, String delivery, RepoRecord repo, Trigger.Review rv) {
        ObjectNode origin = Json.MAPPER.createObjectNode().put("forge", rv.forge()).put("kind", "review")
                .put("repository", rv.repository()).put("issue", Marks.issueOf(rv.branch()).orElse(0))
                .put("pull_request", rv.pullRequest()).put("review_id", rv.reviewId()).put("branch", rv.branch())
                .put("requester", rv.requester()).put("url", rv.url());
        var spec = new TaskSpec(repo.name(), rv.branch(), "Review of pull request #" + rv.pullRequest()
                + " (the comments are read when the run starts)", null, List.of(), List.of(), "auto", null, null,
                null, origin);
        // every event of one review carries the same key: the first starts the run, the others find it
        Runs.Submitted sub = queue(source, delivery, spec, rv.branch(), rv.key(), source + ":reviews");
        if (sub.existing()) {
            s.deliveries().outcome(source, delivery, "same review", sub.taskId());
            ctx.status(200).json(answer("duplicate", "this review already has run " + sub.runId()));
            return;
        }
        queued(ctx, source, delivery, sub, "review of pull request #" + rv.pullRequest() + " is queued");
    }

    /**
     * A writer's comment on an issue whose last run asked questions: the same task again, with the answers added
     * to the issue text (the Spec-Refiner does not ask twice). Any other plain comment starts nothing.
     */
    private void answered(Context ctx, String source, String delivery, RepoRecord repo, Trigger.Answer a) {
        if (!waitsForAnswers(repo, a)) {
            ignore(ctx, source, delivery, "the comment holds no /aap command, and no run of issue #" + a.issue()
                    + " waits for answers");
            return;
        }
        TaskSpec asked = s.runs().spec(s.runs().byOrigin(repo.name(), a.forge(), a.issue()).get(0).taskId())
                .orElseThrow();
        String issue = (asked.issue() == null ? "" : asked.issue()) + "\n\n" + dev.aap.core.run.Task.ANSWERS
                + " (from " + a.requester() + "):\n" + a.text();
        ObjectNode origin = asked.origin() != null && asked.origin().isObject()
                ? ((ObjectNode) asked.origin()).deepCopy() : Json.MAPPER.createObjectNode();
        origin.put("requester", a.requester());
        var spec = new TaskSpec(asked.repo(), asked.baseRef(), issue, asked.goal(), asked.acceptanceCriteria(),
                asked.targetTests(), asked.strategy(), asked.model(), asked.budgetSeconds(), asked.constraints(),
                origin);
        String base = asked.baseRef() != null ? asked.baseRef() : repo.defaultBranch() != null
                ? repo.defaultBranch() : "HEAD";
        Runs.Submitted sub = queue(source, delivery, spec, base, delivery, source + ":" + a.requester());
        queued(ctx, source, delivery, sub, "issue #" + a.issue() + " goes on with the answers");
    }

    private void stop(Context ctx, String source, String delivery, RepoRecord repo, String forge, long issue) {
        int asked = 0;
        for (RunRecord r : s.runs().byOrigin(repo.name(), forge, issue)) {
            if (!r.finished()) {
                s.runs().cancel(r.id());
                asked++;
            }
        }
        s.deliveries().outcome(source, delivery, "stop: " + asked + " run(s)", null);
        ctx.status(202).json(answer("stopping", asked + " run(s) of issue #" + issue + " asked to stop"));
    }

    private void retry(Context ctx, String source, String delivery, RepoRecord repo, String forge, long issue) {
        List<RunRecord> runs = s.runs().byOrigin(repo.name(), forge, issue);
        if (runs.isEmpty()) {
            ignore(ctx, source, delivery, "issue #" + issue + " has no run to retry: label it or comment /aap fix");
            return;
        }
        RunRecord last = runs.get(0);
        if (!last.finished()) {
            ignore(ctx, source, delivery, "run " + last.id() + " of issue #" + issue + " is still " + last.status());
            return;
        }
        String id = s.runs().retry(last.id(), RunId.next().value()).orElseThrow();
        s.deliveries().outcome(source, delivery, "retry", last.taskId());
        ObjectNode out = answer("queued", "issue #" + issue + " runs again");
        out.put("task_id", last.taskId());
        out.put("run_id", id);
        ctx.status(202).json(out);
    }

    private void ignore(Context ctx, String source, String delivery, String reason) {
        s.deliveries().outcome(source, delivery, "ignored: " + Requests.truncate(reason, 200), null);
        ctx.status(200).json(answer("ignored", reason));
    }

    private static ObjectNode answer(String status, String detail) {
        return Json.MAPPER.createObjectNode().put("status", status).put("detail", detail);
    }

}
