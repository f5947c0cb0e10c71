package dev.aap.forge.testing;

import java.util.List;

/** What a test puts into a {@link TestForge} before the code under test runs: issues, users, reviews, threads. */
final class TestForgeSeeds {

    private final State state;

    TestForgeSeeds(State state) {
        this.state = state;
    }

    void user(String login) {
        synchronized (state) {
            state.user(login);
        }
    }

    void issue(String repo, long number, String title, String body, String author) {
        synchronized (state) {
            State.Repo r = state.existing(repo);
            if (number < 1 || r.issues.containsKey(number) || (!r.gitlab && r.pulls.containsKey(number))) {
                throw new IllegalArgumentException("issue number taken or invalid: " + repo + "#" + number);
            }
            state.user(author);
            r.issues.put(number, new State.Issue(state.id(), number, title, body, author));
        }
    }

    void closeIssue(String repo, long number) {
        synchronized (state) {
            State.Issue issue = state.existing(repo).issues.get(number);
            if (issue == null) {
                throw new IllegalArgumentException("no issue " + repo + "#" + number);
            }
            issue.state = "closed";
        }
    }

    void permission(String repo, String user, String level) {
        synchronized (state) {
            state.user(user);
            state.existing(repo).permissions.put(user, level);
        }
    }

    long review(String repo, long pr, String reviewer, String body, List<TestForge.ReviewNote> notes) {
        synchronized (state) {
            State.Repo r = state.existing(repo);
            State.Pull pull = pull(r, pr);
            state.user(reviewer);
            String commit = Git.tip(r.bare, pull.branch).orElse(null);
            State.Review review = new State.Review(state.id(), pr, reviewer, body, commit, State.now());
            r.reviews.put(review.id(), review);
            for (TestForge.ReviewNote note : notes) {
                r.reviewNotes.add(new State.ReviewNote(state.id(), review.id(), pr, note.path(), note.line(),
                        hunk(r, commit, note.path(), note.line()), commit, note.body(), reviewer, null,
                        State.now()));
            }
            return review.id();
        }
    }

    String discussion(String project, long mrIid, String author, String path, int line, String body) {
        synchronized (state) {
            State.Repo r = state.existing(project);
            pull(r, mrIid);
            state.user(author);
            State.Discussion discussion = new State.Discussion(mrIid, false, path, line);
            discussion.notes.add(new State.DiscussionNote(state.id(), author, body, State.now()));
            r.discussions.put(discussion.id, discussion);
            return discussion.id;
        }
    }

    void resolveDiscussion(String project, String discussionId) {
        synchronized (state) {
            State.Discussion discussion = state.existing(project).discussions.get(discussionId);
            if (discussion == null) {
                throw new IllegalArgumentException("no discussion " + discussionId);
            }
            discussion.resolved = true;
        }
    }

    void pullState(String repo, long number, String pullState) {
        synchronized (state) {
            State.Pull pull = pull(state.existing(repo), number);
            pull.state = pullState;
            pull.updated = State.now();
        }
    }

    private static State.Pull pull(State.Repo repo, long number) {
        State.Pull pull = repo.pulls.get(number);
        if (pull == null) {
            throw new IllegalArgumentException("no pull request " + repo.path + "#" + number);
        }
        return pull;
    }

    /** A diff hunk ending at the commented line, as GitHub shows beside a review comment (lines taken as added). */
    private static String hunk(State.Repo repo, String commit, String path, int line) {
        if (commit == null || line < 1) {
            return "";
        }
        String[] lines = Git.show(repo.bare, commit, path).orElse("").split("\n", -1);
        int end = Math.min(line, lines.length);
        int from = Math.max(1, end - 3);
        StringBuilder hunk = new StringBuilder("@@ -" + from + "," + (end - from) + " +" + from + ","
                + (end - from + 1) + " @@");
        for (int i = from; i <= end; i++) {
            hunk.append('\n').append(i == end ? '+' : ' ').append(lines[i - 1]);
        }
        return hunk.toString();
    }
}
