package dev.aap.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.Forges;
import dev.aap.forge.Rest;
import dev.aap.forge.testing.TestForge;
import dev.aap.forge.testing.WorkRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A GitHub App's key files, its JWTs, and installation tokens bought from TestForge, cached and renewed. */
class GitHubAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long APP = 4242;
    private static final long INSTALLATION = 77;
    private static KeyPair keys;

    @TempDir
    Path tmp;
    private TestForge hub;
    private String cloneUrl;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() {
        hub = TestForge.start(tmp.resolve("forge"));
        WorkRepo source = WorkRepo.init(tmp.resolve("source"), "Pager.java", "class Pager {}\n");
        cloneUrl = hub.githubRepo("acme/pager", source.dir());
        hub.issue("acme/pager", 1, "Pager", "Broken", "reporter");
        hub.githubApp(APP, keys.getPublic(), INSTALLATION);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void readsThePkcs1PemGitHubHandsOut() throws Exception {
        Path pem = pem("RSA PRIVATE KEY", pkcs1(keys.getPrivate().getEncoded()));

        AppKey key = AppKey.read(APP, pem);

        assertThat(key.appId()).isEqualTo(APP);
        assertThat(verifies(key.jwt(Instant.now()), keys.getPublic())).isTrue();
    }

    @Test
    void readsAPkcs1PemThatOpensslWrote() throws Exception {
        Path pem = tmp.resolve("openssl.pem");
        assumeTrue(run("openssl", "genrsa", "-traditional", "-out", pem.toString(), "2048") == 0,
                "openssl with -traditional is not installed");
        Path pub = tmp.resolve("openssl.pub");
        assertThat(run("openssl", "rsa", "-in", pem.toString(), "-pubout", "-out", pub.toString())).isZero();
        byte[] spki = Base64.getMimeDecoder().decode(Files.readString(pub).replaceAll("-----[A-Z ]+-----", ""));
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));

        assertThat(Files.readString(pem)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(verifies(AppKey.read(APP, pem).jwt(Instant.now()), publicKey)).isTrue();
    }

    @Test
    void readsAPkcs8Pem() throws Exception {
        Path pem = pem("PRIVATE KEY", keys.getPrivate().getEncoded());

        assertThat(verifies(AppKey.read(APP, pem).jwt(Instant.now()), keys.getPublic())).isTrue();
    }

    @Test
    void aFileThatIsNoKeyIsAOneLineError() throws Exception {
        Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "not a key\nat all\n");
        Path broken = Files.writeString(tmp.resolve("broken.pem"),
                "-----BEGIN RSA PRIVATE KEY-----\nAAAA%%%%\nBBBB\n-----END RSA PRIVATE KEY-----\n");
        Path truncated = pem("RSA PRIVATE KEY", Arrays.copyOf(pkcs1(keys.getPrivate().getEncoded()), 100));
        Path missing = tmp.resolve("missing.pem");

        for (Path p : List.of(garbage, broken, truncated, missing)) {
            ForgeException e = catchThrowableOfType(ForgeException.class, () -> AppKey.read(APP, p));
            assertThat(e).as(p.toString()).isNotNull();
            assertThat(e.getMessage()).as(p.toString()).contains(p.toString()).doesNotContain("\n");
        }
        assertThat(catchThrowableOfType(ForgeException.class, () -> AppKey.read(APP, garbage)).getMessage())
                .contains("is not a PEM private key");
    }

    @Test
    void theJwtIsIssuedAMinuteBackLivesAtMostTenMinutesAndNamesTheApp() throws Exception {
        Instant now = Instant.parse("2030-05-06T07:08:09Z");

        String[] jwt = new AppKey(APP, keys.getPrivate()).jwt(now).split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));

        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond() - 60);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isPositive().isLessThanOrEqualTo(600);
        assertThat(claims.path("exp").asLong()).isGreaterThan(now.getEpochSecond());
        assertThat(claims.path("iss").asText()).isEqualTo(String.valueOf(APP));
    }

    @Test
    void theInstallationTokenIsBoughtOnceAndReusedAcrossCalls() {
        var clock = new MutableClock(Instant.now());
        var auth = new GitHubAuth.App(new AppKey(APP, keys.getPrivate()), Rest.client(), hub.githubApi(),
                "acme/pager", clock);
        var forge = new GitHubForge(hub.githubApi(), "acme/pager", auth, cloneUrl, Rest.client());

        forge.issue(1);
        forge.react(1);
        long id = forge.comment(1, "working");
        forge.editComment(1, id, "done");
        String token = auth.token();

        assertThat(token).startsWith("ghs_");
        assertThat(accessTokenRequests()).isEqualTo(1);
        assertThat(hub.requests()).filteredOn(r -> r.path().endsWith("/issues/1"))
                .allMatch(r -> ("Bearer " + token).equals(r.authorization()));
        assertThat(auth.toString()).isEqualTo("App[" + APP + "]").doesNotContain(token);
    }

    @Test
    void theTokenIsRenewedOnceTheClockPassesFiveMinutesBeforeItExpires() throws Exception {
        hub.githubAppTokenLifetime(Duration.ofMinutes(6));
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        var auth = new GitHubAuth.App(new AppKey(APP, keys.getPrivate()), Rest.client(), hub.githubApi(),
                "acme/pager", clock);

        String first = auth.token();
        clock.set(start.plusSeconds(40));
        String stillFirst = auth.token();
        // the next token lives an hour, so the clock, now past the first one's renewal time, is not past its
        hub.githubAppTokenLifetime(Duration.ofHours(1));
        clock.set(start.plusSeconds(75));
        String second = auth.token();
        String stillSecond = auth.token();

        assertThat(stillFirst).isEqualTo(first);
        assertThat(second).isNotEqualTo(first).startsWith("ghs_");
        assertThat(stillSecond).isEqualTo(second);
        assertThat(accessTokenRequests()).isEqualTo(2);
        List<String> jwts = hub.requests().stream().filter(r -> r.path().endsWith("/access_tokens"))
                .map(r -> r.authorization().substring("Bearer ".length())).toList();
        assertThat(claims(jwts.get(0)).path("iat").asLong()).isEqualTo(start.getEpochSecond() - 60);
        assertThat(claims(jwts.get(1)).path("iat").asLong()).isEqualTo(start.getEpochSecond() + 75 - 60);
    }

    @Test
    void anAppThatIsNotInstalledOnTheRepositorySaysToInstallIt() {
        var auth = new GitHubAuth.App(new AppKey(APP, keys.getPrivate()), Rest.client(), hub.githubApi(),
                "acme/elsewhere", new MutableClock(Instant.now()));
        var forge = new GitHubForge(hub.githubApi(), "acme/elsewhere", auth, cloneUrl, Rest.client());

        ForgeException direct = catchThrowableOfType(ForgeException.class, auth::token);
        ForgeException viaForge = catchThrowableOfType(ForgeException.class, () -> forge.issue(1));

        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.getMessage()).contains("not installed").contains("install it");
        assertThat(viaForge.getMessage()).isEqualTo(direct.getMessage());
        assertThat(accessTokenRequests()).isZero();
    }

    @Test
    void aJwtFromAnotherKeyIsRefusedWithAHintAtTheKeyAndTheClock() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        var auth = new GitHubAuth.App(new AppKey(APP, generator.generateKeyPair().getPrivate()), Rest.client(),
                hub.githubApi(), "acme/pager", new MutableClock(Instant.now()));

        ForgeException e = catchThrowableOfType(ForgeException.class, auth::token);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).startsWith("GitHub refused the app's JWT (401").contains("AAP_GITHUB_APP_ID");
    }

    @Test
    void forgesOpensAnAppForgeFromEnvironmentNamesAndPushesWithTheInstallationToken() throws Exception {
        Path pem = pem("RSA PRIVATE KEY", pkcs1(keys.getPrivate().getEncoded()));
        var credentials = Forges.Credentials.from(Map.of("AAP_GITHUB_APP_ID", " " + APP + " ",
                "AAP_GITHUB_APP_PRIVATE_KEY_FILE", pem.toString(), "GITHUB_TOKEN", "ghp_unused"));
        var forges = new Forges(credentials, Rest.client(), Clock.systemUTC());

        Forge forge = forges.open("github", "acme/pager", hub.githubApi(), cloneUrl);
        Forge again = forges.open("github", "acme/pager", hub.githubApi(), cloneUrl);
        WorkRepo clone = WorkRepo.clone(cloneUrl, tmp.resolve("clone"));
        String commit = clone.commit("README.md", "pager\n", "readme");
        var remote = forge.remote();
        WorkRepo.Outcome push = clone.run(remote.environment(), "push", "-q", remote.url(), "HEAD:refs/heads/docs");

        assertThat(again).isSameAs(forge);
        assertThat(forge.issue(1).title()).isEqualTo("Pager");
        assertThat(push.exit()).as(push.err()).isZero();
        assertThat(hub.branchTip("acme/pager", "docs")).contains(commit);
        assertThat(accessTokenRequests()).isEqualTo(1);
    }

    @Test
    void credentialsRefuseAHalfConfiguredAppAndNeverShowATokenInToString() {
        ForgeException noKey = catchThrowableOfType(ForgeException.class,
                () -> Forges.Credentials.from(Map.of("AAP_GITHUB_APP_ID", "12")));
        ForgeException noId = catchThrowableOfType(ForgeException.class,
                () -> Forges.Credentials.from(Map.of("AAP_GITHUB_APP_PRIVATE_KEY_FILE", "/k.pem")));
        ForgeException notNumeric = catchThrowableOfType(ForgeException.class, () -> Forges.Credentials.from(
                Map.of("AAP_GITHUB_APP_ID", "my-app", "AAP_GITHUB_APP_PRIVATE_KEY_FILE", "/k.pem")));
        var tokens = Forges.Credentials.from(Map.of("GITHUB_TOKEN", "ghp_SecretOne", "GITLAB_TOKEN",
                "glpat-SecretTwo"));
        var blank = Forges.Credentials.from(Map.of("GITHUB_TOKEN", "  ", "AAP_GITHUB_APP_ID", ""));

        assertThat(noKey.getMessage()).contains("AAP_GITHUB_APP_PRIVATE_KEY_FILE");
        assertThat(noId.getMessage()).contains("AAP_GITHUB_APP_ID");
        assertThat(notNumeric.getMessage()).contains("numeric").contains("my-app");
        assertThat(tokens.githubToken()).isEqualTo("ghp_SecretOne");
        assertThat(tokens.toString()).isEqualTo("Credentials[github token, gitlab token]")
                .doesNotContain("Secret");
        assertThat(new GitHubAuth.Token("ghp_SecretOne").toString()).doesNotContain("Secret");
        assertThat(blank).isEqualTo(Forges.Credentials.none());
    }

    private long accessTokenRequests() {
        return hub.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/access_tokens"))
                .count();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static boolean verifies(String jwt, PublicKey key) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private Path pem(String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(tmp.resolve(type.replace(' ', '-') + ".pem"),
                "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING, third element. */
    static byte[] pkcs1(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at, 0x30);
        skip(pkcs8, at, 0x02);
        skip(pkcs8, at, 0x30);
        int length = header(pkcs8, at, 0x04);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    private static void skip(byte[] der, int[] at, int tag) {
        int length = header(der, at, tag);
        at[0] += length;
    }

    /** Reads a tag and a DER length at {@code at}, leaves {@code at} on the content and returns its length. */
    private static int header(byte[] der, int[] at, int tag) {
        assertThat(der[at[0]++] & 0xff).isEqualTo(tag);
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
