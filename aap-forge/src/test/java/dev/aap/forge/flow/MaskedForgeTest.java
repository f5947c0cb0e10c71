package dev.aap.forge.flow;

import dev.aap.forge.Forge;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the flows write to a forge (comments, pull request titles and bodies, review answers) is masked for secrets
 * first, with or without an audit sink, and the audit sees the digest of the masked text.
 */
class MaskedForgeTest {

    private static final String TOKEN = "glpat-" + "Vb3Nq8Lx2Rt7Ks4Wm9Pz";

    /** A forge that records every call's arguments (the writes under test return 7 or a pull request). */
    private static Forge recording(List<String> calls) {
        return (Forge) Proxy.newProxyInstance(Forge.class.getClassLoader(), new Class<?>[] {Forge.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + " " + Arrays.toString(args));
                    return switch (method.getName()) {
                        case "comment", "commentOnPullRequest" -> 7L;
                        case "createPullRequest" -> new Forge.PullRequest(3, "https://forge.example/pr/3", "aap/issue-1",
                                "main", "open", "alice", "abc123");
                        case "identity" -> "test";
                        default -> null;
                    };
                });
    }

    @Test
    void everyBodyAndTitleIsMaskedBeforeItReachesTheForge() {
        var calls = new ArrayList<String>();
        var audited = new ArrayList<ForgeAction>();
        for (ForgeAudit audit : List.of(ForgeAudit.NONE, (ForgeAudit) audited::add)) {
            Forge forge = AuditedForge.of(recording(calls), audit);
            forge.comment(1, "the run failed: export TOKEN=" + TOKEN);
            forge.editComment(1, 7, "still " + TOKEN);
            forge.createPullRequest("aap/issue-1", "main", "Fix " + TOKEN, "body " + TOKEN);
            forge.updatePullRequest(3, "Fix " + TOKEN, "body " + TOKEN);
            forge.commentOnPullRequest(3, "see " + TOKEN);
        }

        assertThat(calls).hasSize(10).allSatisfy(c -> assertThat(c).doesNotContain(TOKEN)
                .contains("[REDACTED:gitlab-token]"));
        assertThat(audited).hasSize(5);
        assertThat(audited.get(0)).isInstanceOfSatisfying(ForgeAction.Commented.class, c -> assertThat(c.bodySha256())
                .isEqualTo(dev.aap.core.Digest.sha256("the run failed: export TOKEN=[REDACTED:gitlab-token]")));
    }
}
