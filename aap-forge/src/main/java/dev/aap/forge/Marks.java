package dev.aap.forge;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How aap recognises its own things on a forge: the hidden marker in every comment it writes (so its comments never
 * trigger it, whoever the token belongs to) and the {@code aap/issue-<n>} branches of its pull requests.
 */
public final class Marks {

    /** Ends every comment and pull request body aap writes; invisible in rendered Markdown. */
    public static final String COMMENT = "<!-- aap -->";

    private static final Pattern BRANCH = Pattern.compile("aap/issue-(\\d{1,18})");

    private Marks() {
    }

    /** The branch of an issue's pull request: one per issue, reused by later runs. */
    public static String branch(long issue) {
        return "aap/issue-" + issue;
    }

    /** The issue an aap branch belongs to, or empty for any other branch. */
    public static OptionalLong issueOf(String branch) {
        Matcher m = BRANCH.matcher(branch == null ? "" : branch);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    public static boolean ours(String commentBody) {
        return commentBody != null && commentBody.contains(COMMENT);
    }
}
