package dev.aap.forge.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {

    private static final byte[] BODY = "{\"action\":\"labeled\",\"number\":7}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsGitHubsSignatureOfTheExactBody() {
        // the value GitHub documents for secret "It's a Secret to Everybody" and body "Hello, World!"
        assertThat(Signatures.github("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8),
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
        assertThat(Signatures.github("s3cret", BODY, Signatures.githubHeader("s3cret", BODY))).isTrue();
    }

    @Test
    void refusesAWrongSecretAMissingHeaderAndABodyChangedByOneByte() {
        String header = Signatures.githubHeader("s3cret", BODY);
        assertThat(Signatures.github("other", BODY, header)).isFalse();
        assertThat(Signatures.github("s3cret", BODY, null)).isFalse();
        assertThat(Signatures.github("", BODY, header)).isFalse();
        byte[] altered = BODY.clone();
        altered[altered.length - 2] = '8';
        assertThat(Signatures.github("s3cret", altered, header)).isFalse();
        assertThat(Signatures.github("s3cret", BODY, header.replace("sha256=", "sha1="))).isFalse();
        assertThat(Signatures.github("s3cret", BODY, "sha256=" + "zz".repeat(32))).isFalse();
        assertThat(Signatures.github("s3cret", BODY, header.substring(0, header.length() - 2))).isFalse();
    }

    @Test
    void gitLabsTokenMustMatchExactly() {
        assertThat(Signatures.gitlab("glhook-1", "glhook-1")).isTrue();
        assertThat(Signatures.gitlab("glhook-1", "glhook-2")).isFalse();
        assertThat(Signatures.gitlab("glhook-1", null)).isFalse();
        assertThat(Signatures.gitlab("", "")).isFalse();
    }
}
