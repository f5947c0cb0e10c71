package dev.aap.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.run.RunId;
import dev.aap.forge.webhook.GitHubEvents;
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
 * {@code POST /webhooks/github}: the signature is checked on the raw bytes before anything is parsed, each
 * delivery is taken once, and work goes to the queue (the answer comes at once: 202 with the task). Events that
 * start nothing are answered 200 with the reason, so the forge keeps the hook enabled.
 */
final class WebhookRoutes {

    private static final String GITHUB = "github";

    private final Services s;

    WebhookRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.post("/webhooks/github", this::github);
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
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw Problem.badRequest("the delivery is not JSON");
        }
        if (!s.deliveries().first(GITHUB, delivery)) {
            ctx.status(200).json(answer("duplicate", "delivery " + delivery + " was taken already"));
            return;
        }
        Trigger trigger = GitHubEvents.parse(ctx.header("X-GitHub-Event"), payload, s.webhooks().label());
        act(ctx, GITHUB, delivery, trigger);
    }

    private void act(Context ctx, String source, String delivery, Trigger trigger) {
        Optional<RepoRecord> repo = switch (trigger) {
            case Trigger.Fix f -> s.repos().byForge(f.forge(), f.repository());
            case Trigger.Stop st -> s.repos().byForge(st.forge(), st.repository());
            case Trigger.Retry rt -> s.repos().byForge(rt.forge(), rt.repository());
            case Trigger.Ignored ignored -> Optional.empty();
        };
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
            case Trigger.Ignored ignored -> ignore(ctx, source, delivery, ignored.reason());
        }
    }

    private void fix(Context ctx, String source, String delivery, RepoRecord repo, Trigger.Fix f) {
        ObjectNode origin = Json.MAPPER.createObjectNode().put("forge", f.forge()).put("repository", f.repository())
                .put("issue", f.issue()).put("requester", f.requester()).put("url", f.url());
        String issue = "#" + f.issue() + " " + f.title() + (f.body().isBlank() ? "" : "\n\n" + f.body());
        var spec = new TaskSpec(repo.name(), null, issue, null, List.of(), List.of(), "auto", null, null, null,
                origin);
        String base = repo.defaultBranch() != null ? repo.defaultBranch() : "HEAD";
        Runs.Submitted sub;
        try {
            sub = s.runs().submit(RunId.next().value(), RunId.next().value(), spec, base, source + ":" + delivery,
                    TokenSecrets.sha256(delivery), source + ":" + f.requester(), s.config().maxQueuedPerRepo());
        } catch (Runs.QueueFull full) {
            s.deliveries().outcome(source, delivery, "queue full", null);
            throw Problem.tooMany(full.getMessage(), 60);
        }
        s.deliveries().outcome(source, delivery, "queued", sub.taskId());
        ObjectNode out = answer("queued", "issue #" + f.issue() + " of " + f.repository() + " is queued");
        out.put("task_id", sub.taskId());
        out.put("run_id", sub.runId());
        ctx.status(202).json(out);
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
