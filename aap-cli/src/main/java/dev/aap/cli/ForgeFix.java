package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventListener;
import dev.aap.core.run.RunResult;
import dev.aap.core.workspace.Git;
import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.Forges;
import dev.aap.forge.GitRemote;
import dev.aap.forge.flow.Finished;
import dev.aap.forge.flow.ForgeResult;
import dev.aap.forge.flow.IssueRun;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code aap fix --forge github|gitlab --repo-url URL --issue-ref N [--open-pr]}: the issue is read from the forge,
 * the repository cloned (or fetched) under {@code AAP_HOME/repos/<forge>/<path>}, and with {@code --open-pr} the run
 * reports on the issue and ends in a pushed branch and a draft pull request, as a server run would.
 */
final class ForgeFix {

    /** The forge, the issue and the clone a run starts from. */
    record Prepared(Forge forge, Forge.Issue issue, Path checkout, String baseCommit, String baseBranch) {

        String issueText() {
            return "#" + issue.number() + " " + issue.title() + (issue.body().isBlank() ? "" : "\n\n" + issue.body());
        }
    }

    private ForgeFix() {
    }

    static Prepared prepare(Path home, Map<String, String> env, String kind, String repoUrl, long issueRef,
                            String forgeApi) {
        if (!kind.equals("github") && !kind.equals("gitlab")) {
            throw new BadInputException("--forge must be github or gitlab, got '" + kind + "'");
        }
        if (repoUrl == null) {
            throw new BadInputException("--forge needs --repo-url, the repository's HTTPS clone address");
        }
        if (issueRef <= 0) {
            throw new BadInputException("--forge needs --issue-ref N, the issue's number (GitLab: its iid)");
        }
        URI uri;
        try {
            uri = URI.create(repoUrl);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--repo-url is not a URL: " + repoUrl);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getUserInfo() != null) {
            throw new BadInputException("--repo-url must be an http(s) address without credentials (the token comes"
                    + " from " + (kind.equals("github") ? "GITHUB_TOKEN" : "GITLAB_TOKEN") + "), got " + repoUrl);
        }
        String repository = repositoryOf(uri);
        Forges forges = forges(env);
        if (!forges.configured(kind)) {
            throw new BadInputException(kind.equals("github") ? "set GITHUB_TOKEN (a fine-grained token with"
                    + " contents, issues and pull requests read and write) to work on a GitHub issue"
                    : "set GITLAB_TOKEN (a project access token with the api scope, role Developer) to work on a"
                    + " GitLab issue");
        }
        Forge forge = forges.open(kind, repository, forgeApi, repoUrl);
        Forge.Issue issue = forge.issue(issueRef);
        if (!issue.open()) {
            throw new BadInputException("issue #" + issueRef + " of " + repository + " is closed: nothing to do");
        }
        Path clone = home.resolve("repos").resolve(kind).resolve(repository);
        fetch(clone, forge.remote());
        String branch = defaultBranch(clone);
        String base = Git.check(clone, "rev-parse", "refs/remotes/origin/" + branch + "^{commit}");
        return new Prepared(forge, issue, clone, base, branch);
    }

    /** The forge's name of the repository: the URL's path without the slash and {@code .git}. */
    static String repositoryOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        path = path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
        // a test forge or a GitLab behind a path prefix serves repositories under /git/...
        path = path.startsWith("git/") ? path.substring(4) : path;
        if (!path.contains("/")) {
            throw new BadInputException("--repo-url names no repository (owner/name): " + uri);
        }
        return path;
    }

    private static Forges forges(Map<String, String> env) {
        try {
            return new Forges(Forges.Credentials.from(env), dev.aap.forge.Rest.client(), java.time.Clock.systemUTC());
        } catch (ForgeException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static void fetch(Path clone, GitRemote remote) {
        Git.Result r;
        if (Files.isDirectory(clone.resolve(".git"))) {
            r = Git.run(clone, remote.environment(), "fetch", "--quiet", "--prune", remote.url(),
                    "+refs/heads/*:refs/remotes/origin/*");
        } else {
            try {
                Files.createDirectories(clone.getParent());
            } catch (IOException e) {
                throw new EnvironmentException("cannot create " + clone.getParent() + ": " + e.getMessage(), e);
            }
            r = Git.run(clone.getParent(), remote.environment(), "clone", "--quiet", "--no-checkout", remote.url(),
                    clone.toString());
        }
        if (!r.ok()) {
            String first = r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("git failed");
            throw new EnvironmentException("cannot fetch " + remote.url() + ": " + first
                    + (first.contains("Authentication") ? " (check the token)" : ""));
        }
    }

    private static String defaultBranch(Path clone) {
        Git.Result head = Git.run(clone, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD");
        if (head.ok() && head.out().strip().startsWith("origin/")) {
            return head.out().strip().substring("origin/".length());
        }
        for (String b : new String[]{"main", "master"}) {
            if (Git.run(clone, "rev-parse", "--verify", "--quiet", "refs/remotes/origin/" + b).ok()) {
                return b;
            }
        }
        throw new EnvironmentException("cannot tell the default branch of " + clone);
    }

    /** Reports the run on the issue while it goes: the progress comment follows the pipeline's steps. */
    static EventListener progress(IssueRun run) {
        return (seq, event) -> {
            switch (event) {
                case Event.StepStarted s -> run.stepStarted(s.step());
                case Event.StepFinished f -> run.stepFinished(f.step(), f.millis(), f.summary());
                default -> {
                }
            }
        };
    }

    /** Pushes and opens the pull request for a finished run; returns the line to print. */
    static ForgeResult publish(Prepared p, IssueRun run, RunResult r) {
        Finished f = new Finished(r.status().name(), r.message(), r.commit(), r.policyReasons(), Path.of(r.runDir()),
                r.questions());
        return run.finish(p.checkout(), f, p.baseBranch(), null, p.issue().title());
    }
}
