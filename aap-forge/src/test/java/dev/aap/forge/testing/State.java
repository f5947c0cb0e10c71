package dev.aap.forge.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything a {@link TestForge} remembers: repositories with their issues, pull requests, comments, reviews and
 * discussions, the users it knows and the credentials it accepts. Callers hold the monitor of this object while
 * they read or change it; the server is for tests, one lock is plenty.
 */
final class State {

    static final String BOT = "aap-bot";

    final Map<String, Repo> repos = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Instant> installationTokens = new HashMap<>();
    final List<TestForge.Recorded> requests = new ArrayList<>();
    String token = "aap-test-token";
    boolean privateRepos;
    App app;
    java.time.Duration installationTokenLifetime = java.time.Duration.ofHours(1);
    private long nextId = 1000;

    State() {
        user(BOT);
    }

    long id() {
        return nextId++;
    }

    /** The user with this login, made on first use so seeding never has to declare users. */
    User user(String login) {
        return users.computeIfAbsent(login, l -> new User(users.size() + 1L, l));
    }

    Optional<User> knownUser(String login) {
        return Optional.ofNullable(users.get(login));
    }

    Optional<User> userById(long id) {
        return users.values().stream().filter(u -> u.id == id).findFirst();
    }

    Optional<Repo> repo(String path) {
        return Optional.ofNullable(repos.get(path));
    }

    Optional<Repo> repoById(long id) {
        return repos.values().stream().filter(r -> r.id == id).findFirst();
    }

    Repo existing(String path) {
        return repo(path).orElseThrow(() -> new IllegalArgumentException("no repository " + path));
    }

    boolean acceptsToken(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        if (presented.equals(token)) {
            return true;
        }
        Instant expires = installationTokens.get(presented);
        return expires != null && expires.isAfter(Instant.now());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static String hex(int chars) {
        StringBuilder s = new StringBuilder(chars);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < chars; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    record App(long appId, java.security.PublicKey key, long installationId) {
    }

    static final class User {
        final long id;
        final String login;

        User(long id, String login) {
            this.id = id;
            this.login = login;
        }
    }

    /** A GitHub repository or a GitLab project, backed by a bare git repository. */
    static final class Repo {
        final long id;
        final boolean gitlab;
        final String path;
        final Path bare;
        final Map<Long, Issue> issues = new LinkedHashMap<>();
        final Map<Long, Pull> pulls = new LinkedHashMap<>();
        final List<Note> notes = new ArrayList<>();
        final Map<Long, List<String>> reactions = new HashMap<>();
        final Map<String, String> permissions = new HashMap<>();
        final Map<Long, Review> reviews = new LinkedHashMap<>();
        final List<ReviewNote> reviewNotes = new ArrayList<>();
        final Map<String, Discussion> discussions = new LinkedHashMap<>();
        final Map<Long, List<TestForge.Reply>> replies = new HashMap<>();

        Repo(long id, boolean gitlab, String path, Path bare) {
            this.id = id;
            this.gitlab = gitlab;
            this.path = path;
            this.bare = bare;
        }

        /** GitHub numbers issues and pull requests from one sequence; GitLab numbers merge requests apart. */
        long nextPullNumber() {
            long max = pulls.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            if (!gitlab) {
                max = Math.max(max, issues.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
            }
            return max + 1;
        }

        String permission(String login) {
            return permissions.getOrDefault(login, "none");
        }
    }

    static final class Issue {
        final long id;
        final long number;
        final String title;
        final String body;
        final String author;
        String state = "open";
        final Instant created = now();

        Issue(long id, long number, String title, String body, String author) {
            this.id = id;
            this.number = number;
            this.title = title;
            this.body = body;
            this.author = author;
        }
    }

    /** A pull or merge request; {@code state} is {@code open}, {@code closed} or {@code merged} on both forges. */
    static final class Pull {
        final long id;
        final long number;
        final String branch;
        final String base;
        final String author;
        String title;
        String body;
        boolean draft;
        String state = "open";
        final List<String> reviewers = new ArrayList<>();
        final Instant created = now();
        Instant updated = created;

        Pull(long id, long number, String branch, String base, String author) {
            this.id = id;
            this.number = number;
            this.branch = branch;
            this.base = base;
            this.author = author;
        }

        TestForge.Pull view() {
            return new TestForge.Pull(number, branch, base, title, body, draft, state, reviewers);
        }
    }

    /** A comment on an issue (or, on GitHub, a pull request's conversation), with every body it had. */
    static final class Note {
        final long id;
        final long number;
        final String author;
        final List<String> bodies = new ArrayList<>();
        final Instant created = now();
        Instant updated = created;

        Note(long id, long number, String author, String body) {
            this.id = id;
            this.number = number;
            this.author = author;
            bodies.add(body);
        }

        String body() {
            return bodies.getLast();
        }

        TestForge.Comment view() {
            return new TestForge.Comment(id, author, body(), bodies.subList(1, bodies.size()));
        }
    }

    /** A submitted GitHub review. */
    record Review(long id, long pull, String reviewer, String body, String commit, Instant submitted) {
    }

    /** A GitHub review comment on a line, or a reply in its thread. */
    record ReviewNote(long id, long review, long pull, String path, int line, String hunk, String commit,
                      String body, String author, Long inReplyTo, Instant created) {
    }

    /** A GitLab discussion: one diff note and its replies, or a single note on the merge request. */
    static final class Discussion {
        final String id = hex(40);
        final long mergeRequest;
        final boolean individual;
        final String path;
        final int line;
        final List<DiscussionNote> notes = new ArrayList<>();
        boolean resolved;

        Discussion(long mergeRequest, boolean individual, String path, int line) {
            this.mergeRequest = mergeRequest;
            this.individual = individual;
            this.path = path;
            this.line = line;
        }
    }

    record DiscussionNote(long id, String author, String body, Instant created) {
    }
}
