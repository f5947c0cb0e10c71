package dev.aap.forge.webhook;

/** What a forge event asks of aap, once it passed the checks: work on an issue, stop, retry, or nothing. */
public sealed interface Trigger {

    /**
     * Work on an issue.
     *
     * @param repository the forge's name of the repository ({@code owner/name}, or GitLab's project path)
     * @param requester  who asked (the labeler or the commenter), to be asked for review
     */
    record Fix(String forge, String repository, long issue, String title, String body, String requester,
               String url) implements Trigger {
    }

    /** Stop the runs of an issue ({@code /aap stop}). */
    record Stop(String forge, String repository, long issue, String requester) implements Trigger {
    }

    /** Run the issue's last task again ({@code /aap retry}). */
    record Retry(String forge, String repository, long issue, String requester) implements Trigger {
    }

    /**
     * A review on one of aap's pull requests: a follow-up run on its branch with the review's comments as the task.
     *
     * @param pullRequest the pull (merge) request number (GitLab: iid)
     * @param reviewId    GitHub's review id; GitLab: the note that triggered it
     * @param branch      the pull request's head branch ({@code aap/issue-<n>})
     * @param key         one follow-up per key ({@code review:<id>} on GitHub, {@code mr:<iid>:<head sha>} on GitLab),
     *                    so the comments of one review start one run
     */
    record Review(String forge, String repository, long pullRequest, long reviewId, String branch, String requester,
                  String url, String key) implements Trigger {
    }

    /**
     * A comment on an issue by someone with write access that is not a command: answers, when the issue's last run
     * asked questions (NEEDS_INPUT).
     */
    record Answer(String forge, String repository, long issue, String requester, String text) implements Trigger {
    }

    /** Nothing to do, and why (answered 2xx so that the forge keeps the hook enabled). */
    record Ignored(String reason) implements Trigger {
    }
}
