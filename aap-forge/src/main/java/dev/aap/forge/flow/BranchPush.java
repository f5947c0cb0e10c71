package dev.aap.forge.flow;

import dev.aap.core.workspace.Git;
import dev.aap.forge.ForgeException;
import dev.aap.forge.GitRemote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts a run's commit on the forge's {@code aap/issue-<n>} branch without ever losing someone else's work: a new
 * branch is created, a descendant of the branch's tip is a fast-forward, and a branch holding only aap's own
 * commits (an earlier run on the issue) is replaced with a lease on the tip aap saw. A branch with a person's
 * commits aap's commit does not contain is left alone ({@link Outcome.Moved}).
 */
public final class BranchPush {

    /** What the push did. */
    public sealed interface Outcome {

        /** The branch now points at the commit; {@code how} is created, fast-forward, replaced or unchanged. */
        record Pushed(String commit, String how) implements Outcome {
        }

        /** The branch holds commits that are not aap's and not in the commit's history: nothing was pushed. */
        record Moved(String tip, List<String> foreign) implements Outcome {
        }
    }

    /** The trailer every aap commit carries (see {@code ChangeDescription.commitMessage}). */
    static final String TRAILER = "Generated-by: aap ";

    /**
     * What git says when the forge refused the credential. Only the HTTP status in git's own phrase counts: a bare
     * "401" also matches a port or a path in the URL that git repeats in every error.
     */
    private static final Pattern REFUSED = Pattern.compile("Authentication failed|could not read (Username|Password)"
            + "|The requested URL returned error: 40[13]\\b");

    private BranchPush() {
    }

    public static Outcome push(Path repo, GitRemote remote, String commit, String branch) {
        String ref = "refs/heads/" + branch;
        Optional<String> tip = remoteTip(repo, remote, ref);
        if (tip.isEmpty()) {
            run(repo, remote, "push", "--quiet", remote.url(), commit + ":" + ref);
            return new Outcome.Pushed(commit, "created");
        }
        String t = tip.get();
        if (t.equals(commit)) {
            return new Outcome.Pushed(commit, "unchanged");
        }
        run(repo, remote, "fetch", "--quiet", "--no-tags", remote.url(), ref);
        if (Git.run(repo, "merge-base", "--is-ancestor", t, commit).ok()) {
            run(repo, remote, "push", "--quiet", remote.url(), commit + ":" + ref);
            return new Outcome.Pushed(commit, "fast-forward");
        }
        List<String> foreign = foreign(repo, commit, t);
        if (!foreign.isEmpty()) {
            return new Outcome.Moved(t, foreign);
        }
        run(repo, remote, "push", "--quiet", "--force-with-lease=" + ref + ":" + t, remote.url(), commit + ":" + ref);
        return new Outcome.Pushed(commit, "replaced");
    }

    /** Commits on the branch, not in {@code commit}'s history, that aap did not make: "abc1234 by Name: subject". */
    private static List<String> foreign(Path repo, String commit, String tip) {
        String log = Git.check(repo, "log", "--format=%h%x1f%an%x1f%s%x1f%B%x1e", commit + ".." + tip);
        List<String> out = new ArrayList<>();
        for (String rec : log.split("\u001e")) {
            String[] f = rec.strip().split("\u001f", 4);
            if (f.length == 4 && !f[3].contains(TRAILER)) {
                out.add(f[0] + " by " + f[1] + ": " + f[2]);
            }
        }
        return out;
    }

    private static Optional<String> remoteTip(Path repo, GitRemote remote, String ref) {
        String out = run(repo, remote, "ls-remote", remote.url(), ref);
        return out.lines().map(l -> l.split("\\s+")).filter(p -> p.length == 2 && p[1].equals(ref))
                .map(p -> p[0]).findFirst();
    }

    private static String run(Path repo, GitRemote remote, String... args) {
        Git.Result r = Git.run(repo, remote.environment(), args);
        if (r.ok()) {
            return r.out();
        }
        String err = r.err().strip();
        String first = err.lines().filter(l -> !l.isBlank()).findFirst().orElse("git " + args[0] + " failed");
        if (REFUSED.matcher(err).find()) {
            throw new ForgeException("git " + args[0] + " to " + remote.url() + " was refused: authentication"
                    + " failed; check the token (it needs contents read and write on the repository)", 401);
        }
        throw new ForgeException("git " + args[0] + " to " + remote.url() + " failed: " + first, 0);
    }
}
