package dev.aap.forge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A GitHub and GitLab stand-in on 127.0.0.1 for tests: the two REST APIs in their real wire shapes, kept in
 * memory, plus git smart HTTP over bare repositories, so forge clients, webhook flows and the CLI can be tested
 * against real HTTP and real git without a network.
 */
public final class TestForge implements AutoCloseable {

    private static final Pattern GITHUB_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern GITLAB_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    private static final Set<String> LEVELS = Set.of("none", "read", "write", "admin");

    private final State state = new State();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Path root;
    private final String url;
    private final GitBackend git;
    private final TestForgeSeeds seeds;

    private TestForge(Path dir) throws IOException {
        this.root = GitBackend.repositories(dir);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
        this.git = new GitBackend(this, state, root);
        this.seeds = new TestForgeSeeds(state);
        server.createContext(GitHubApi.BASE + "/", new GitHubApi(this, state, url));
        server.createContext(GitLabApi.BASE + "/", new GitLabApi(this, state, url));
        server.createContext(GitBackend.BASE + "/", git);
        server.createContext("/", exchange -> {
            try (exchange) {
                record(exchange, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a forge whose bare repositories live under {@code dir/git}. */
    public static TestForge start(Path dir) {
        try {
            return new TestForge(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    /** The GitHub Enterprise style API base a GitHub client is configured with. */
    public String githubApi() {
        return url + GitHubApi.BASE;
    }

    /** The GitLab instance URL; clients append {@code /api/v4}. */
    public String gitlabUrl() {
        return url;
    }

    /** The token REST and git accept from now on (besides App installation tokens); by default {@code aap-test-token}. */
    public void token(String token) {
        synchronized (state) {
            state.token = token;
        }
    }

    public String token() {
        synchronized (state) {
            return state.token;
        }
    }

    /** Lets a GitHub App with this key trade a JWT for installation tokens. */
    public void githubApp(long appId, PublicKey key, long installationId) {
        synchronized (state) {
            state.app = new State.App(appId, key, installationId);
        }
    }

    /**
     * How long the App installation tokens handed out from now on live (GitHub's are one hour, the default); a
     * short life lets a test see a client renew one without moving its clock so far that its JWT looks forged.
     */
    public void githubAppTokenLifetime(java.time.Duration lifetime) {
        synchronized (state) {
            state.installationTokenLifetime = lifetime;
        }
    }

    /** When on, fetches and clones need the token too; pushes always do. */
    public void privateRepos(boolean on) {
        synchronized (state) {
            state.privateRepos = on;
        }
    }

    /** A GitHub repository {@code owner/name} holding a bare clone of {@code source}; returns its clone URL. */
    public String githubRepo(String ownerName, Path source) {
        return repository(ownerName, source, false, GITHUB_NAME);
    }

    /** A GitLab project {@code group/sub/name} holding a bare clone of {@code source}; returns its clone URL. */
    public String gitlabProject(String path, Path source) {
        return repository(path, source, true, GITLAB_PATH);
    }

    private String repository(String path, Path source, boolean gitlab, Pattern shape) {
        if (!shape.matcher(path).matches() || path.contains("..")) {
            throw new IllegalArgumentException("not a repository path: " + path);
        }
        Path bare = root.resolve(path + ".git");
        synchronized (state) {
            if (state.repos.containsKey(path)) {
                throw new IllegalArgumentException("repository exists: " + path);
            }
            Git.bareClone(source, bare);
            state.repos.put(path, new State.Repo(state.id(), gitlab, path, bare));
        }
        return url + GitBackend.BASE + "/" + path + ".git";
    }

    /** Makes a user known (as an issue author, reviewer or permission holder also does). */
    public void user(String login) {
        seeds.user(login);
    }

    /** An open issue; on GitHub its number must not be taken by a pull request. */
    public void issue(String repo, long number, String title, String body, String author) {
        seeds.issue(repo, number, title, body, author);
    }

    public void closeIssue(String repo, long number) {
        seeds.closeIssue(repo, number);
    }

    /** The user's access: {@code none, read, write, admin} (GitLab: access levels 0, 20, 30, 50). */
    public void permission(String repo, String user, String level) {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level is one of " + LEVELS + ": " + level);
        }
        seeds.permission(repo, user, level);
    }

    /** A submitted GitHub review on pull request {@code pr} with line comments; returns the review id. */
    public long review(String repo, long pr, String reviewer, String body, List<ReviewNote> notes) {
        return seeds.review(repo, pr, reviewer, body, notes);
    }

    /** A line comment of a review. */
    public record ReviewNote(String path, int line, String body) {
    }

    /** A GitLab diff-note discussion on merge request {@code mrIid}; returns the discussion id. */
    public String discussion(String project, long mrIid, String author, String path, int line, String body) {
        return seeds.discussion(project, mrIid, author, path, line, body);
    }

    public void resolveDiscussion(String project, String discussionId) {
        seeds.resolveDiscussion(project, discussionId);
    }

    public void closePullRequest(String repo, long number) {
        seeds.pullState(repo, number, "closed");
    }

    public void mergePullRequest(String repo, long number) {
        seeds.pullState(repo, number, "merged");
    }

    /** Every request so far, git's too (with an empty body: packs are binary). */
    public List<Recorded> requests() {
        synchronized (state) {
            return List.copyOf(state.requests);
        }
    }

    /**
     * One request as received.
     *
     * @param path          the raw path ({@code %2F} kept)
     * @param authorization the Authorization header, or {@code PRIVATE-TOKEN <token>} when only that was sent
     */
    public record Recorded(String method, String path, String query, String authorization, String body) {
    }

    /** The comments on an issue (GitHub: on a pull request's conversation too), oldest first. */
    public List<Comment> comments(String repo, long issue) {
        synchronized (state) {
            return state.existing(repo).notes.stream().filter(n -> n.number == issue).map(State.Note::view)
                    .toList();
        }
    }

    /** The conversation comments of a pull request (GitLab: the merge request's notes outside diff threads). */
    public List<Comment> pullComments(String repo, long pr) {
        synchronized (state) {
            State.Repo r = state.existing(repo);
            if (!r.gitlab) {
                return comments(repo, pr);
            }
            return r.discussions.values().stream().filter(d -> d.individual && d.mergeRequest == pr)
                    .flatMap(d -> d.notes.stream())
                    .map(n -> new Comment(n.id(), n.author(), n.body(), List.of())).toList();
        }
    }

    /** A comment; {@code edits} holds each later body in order, so the last one is {@code body}. */
    public record Comment(long id, String author, String body, List<String> edits) {
        public Comment {
            edits = List.copyOf(edits);
        }
    }

    public List<Pull> pulls(String repo) {
        synchronized (state) {
            return state.existing(repo).pulls.values().stream().map(State.Pull::view).toList();
        }
    }

    /** A pull or merge request; {@code state} is {@code open}, {@code closed} or {@code merged} on both forges. */
    public record Pull(long number, String branch, String base, String title, String body, boolean draft,
                       String state, List<String> reviewers) {
        public Pull {
            reviewers = List.copyOf(reviewers);
        }
    }

    /** The reactions (GitLab: award emoji names) on an issue or pull request. */
    public List<String> reactions(String repo, long issue) {
        synchronized (state) {
            return List.copyOf(state.existing(repo).reactions.getOrDefault(issue, List.of()));
        }
    }

    /** The answers posted in review threads of a pull request, oldest first. */
    public List<Reply> replies(String repo, long pr) {
        synchronized (state) {
            return List.copyOf(state.existing(repo).replies.getOrDefault(pr, List.of()));
        }
    }

    /**
     * An answer in a review thread.
     *
     * @param inReplyTo  the comment answered (GitLab: the discussion's first note)
     * @param discussion GitLab's discussion id, or null on GitHub
     */
    public record Reply(long inReplyTo, String discussion, String body) {
    }

    public Optional<String> branchTip(String repo, String branch) {
        Path bare;
        synchronized (state) {
            bare = state.existing(repo).bare;
        }
        return Git.tip(bare, branch);
    }

    @Override
    public void close() {
        server.stop(0);
        git.close();
        executor.shutdownNow();
        try {
            // stop(0) closed every connection and the backends are dead, so the handlers end at once
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a REST request's body, records the request, and hands back the parsed call. */
    Call receive(HttpExchange exchange, String base) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        record(exchange, body);
        return new Call(exchange, base, body);
    }

    void record(HttpExchange exchange, String body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String privateToken = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
        if (authorization == null && privateToken != null) {
            authorization = "PRIVATE-TOKEN " + privateToken;
        }
        synchronized (state) {
            state.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), authorization, body));
        }
    }
}
