package dev.aap.forge.flow;

import dev.aap.forge.Marks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pull request's title and body from the run's {@code pr.md}: its first heading is the title, the rest the body,
 * followed by the line that links the issue ({@code Fixes #n} on GitHub, {@code Closes #n} on GitLab).
 */
record PullRequestText(String title, String body) {

    private static final int MAX_BODY = 60_000;

    static PullRequestText of(Path runDir, String kind, long issue, String fallbackTitle) {
        String md;
        try {
            md = Files.readString(runDir.resolve("pr.md"));
        } catch (IOException e) {
            md = "";
        }
        String title = fallbackTitle;
        String body = md;
        if (md.startsWith("# ")) {
            int nl = md.indexOf('\n');
            title = (nl < 0 ? md.substring(2) : md.substring(2, nl)).strip();
            body = nl < 0 ? "" : md.substring(nl + 1).strip();
        }
        if (body.length() > MAX_BODY) {
            // GitHub refuses bodies over 65,536 characters; the full text stays in the run's pr.md
            body = body.substring(0, MAX_BODY) + "\n\n(cut here: the whole description is the run's pr.md)";
        }
        String link = ("gitlab".equals(kind) ? "Closes #" : "Fixes #") + issue;
        return new PullRequestText(title.isBlank() ? "Fix #" + issue : title,
                body + "\n\n" + link + "\n\n" + Marks.COMMENT);
    }
}
