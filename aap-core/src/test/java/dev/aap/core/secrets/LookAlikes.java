package dev.aap.core.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Text that resembles secrets without being one: digests, ids, encoded test data, identifiers, URLs, prose, code
 * that assigns variables (not literals) to secret-like names, and placeholders. Each kind is named so a false
 * positive says what fooled the scanner.
 */
final class LookAlikes {

    private static final List<String> WORDS = List.of("token", "secret", "key", "refresh", "scheduler", "client",
            "factory", "builder", "provider", "manager", "registry", "request", "response", "handler", "session",
            "credential", "password", "policy", "resolver", "adapter", "cache", "default", "thread", "pool", "config",
            "loader", "service", "encoder", "decoder", "validator", "principal", "access", "identity", "store");
    private static final List<String> LOREM = List.of("lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
            "adipiscing", "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore",
            "magna", "aliqua", "token", "secret", "key", "password");

    record Sample(String kind, String text) {
    }

    private final FakeKeys r;

    LookAlikes(long seed) {
        this.r = new FakeKeys(seed);
    }

    /** {@code perKind} samples of every kind. */
    List<Sample> samples(int perKind) {
        var out = new ArrayList<Sample>();
        List<Supplier<Sample>> makers = List.of(this::digest, this::uuid, this::base64Data, this::commit,
                this::mavenChecksum, this::identifier, this::url, this::dataUri, this::lorem, this::codeReference,
                this::placeholder, this::publicMaterial);
        for (Supplier<Sample> maker : makers) {
            for (int i = 0; i < perKind; i++) {
                out.add(maker.get());
            }
        }
        return out;
    }

    private String hex(int n) {
        return r.chars(FakeKeys.HEX, n);
    }

    private String b64(int bytes) {
        return Base64.getEncoder().encodeToString(r.bytes(bytes));
    }

    private String words(int n, boolean camel) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = WORDS.get(r.nextInt(WORDS.size()));
            b.append(camel && i > 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return b.toString();
    }

    Sample digest() {
        return new Sample("sha digest", r.pick(
                "String sha1 = \"" + hex(40) + "\";",
                "\"checksum\": \"" + hex(64) + "\",",
                "image: registry.local/app@sha256:" + hex(64),
                "expected_sha256 = '" + hex(64) + "'",
                hex(64) + "  dist/app-1.4.2.tar.gz"));
    }

    Sample uuid() {
        String u = new UUID(r.bytes(1)[0] * 31L + r.nextInt(1 << 30), r.nextInt(1 << 30) * 977L).toString();
        String v = UUID.nameUUIDFromBytes(r.bytes(16)).toString();
        return new Sample("uuid", r.pick(
                "UUID requestId = UUID.fromString(\"" + v + "\");",
                "\"id\": \"" + v + "\",",
                "correlation_id: " + u,
                "idempotency_key = \"" + v + "\"",
                "X-Request-Id: " + v));
    }

    Sample base64Data() {
        String data = b64(16 + r.nextInt(48));
        return new Sample("base64 test data", r.pick(
                "byte[] payload = Base64.getDecoder().decode(\"" + data + "\");",
                "data = \"" + data + "\"",
                "\"content\": \"" + data + "\",",
                "expected_body: " + data,
                "assertThat(encoded).isEqualTo(\"" + data + "\");"));
    }

    Sample commit() {
        String sha = hex(40);
        return new Sample("git commit id", r.pick(
                "commit " + sha,
                "base_commit: " + sha,
                "git checkout " + sha,
                "\"head_sha\": \"" + sha + "\",",
                "Merge: " + hex(7) + " " + hex(7)));
    }

    Sample mavenChecksum() {
        return new Sample("maven checksum", r.pick(
                hex(40) + "  junit-jupiter-5.14.4.jar",
                "<sha1>" + hex(40) + "</sha1>",
                "distributionSha256Sum=" + hex(64),
                "wrapperSha256Sum=" + hex(64),
                "sha512: " + hex(128)));
    }

    Sample identifier() {
        String camel = words(3 + r.nextInt(4), true);
        String upper = words(3 + r.nextInt(3), false).toUpperCase();
        return new Sample("long identifier", r.pick(
                "private final " + Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + " tokenProvider;",
                "TOKEN_REFRESH_SCHEDULER = \"" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + "\"",
                "secret_manager_client_builder: " + camel,
                "KEY_ALGORITHM = \"" + upper + "\"",
                "api_key_header_name = \"X-" + words(2, true) + "-Api-Key\""));
    }

    Sample url() {
        String word = words(2, false);
        return new Sample("url", r.pick(
                "token_endpoint = \"https://auth.internal.test/realms/" + word + "/protocol/openid-connect/token\"",
                "See https://github.com/acme/" + word + "/commit/" + hex(40) + " for the fix.",
                "auth_url: https://login.internal.test/oauth2/v2.0/authorize?client_id=" + hex(8) + "&scope=openid",
                "<a href=\"https://docs.internal.test/" + word + "/secrets-management#rotate-keys\">rotate</a>",
                "secret_source = \"vault://kv/" + word + "/database/password\""));
    }

    Sample dataUri() {
        return new Sample("data uri", r.pick(
                "<img src=\"data:image/png;base64," + b64(60 + r.nextInt(240)) + "\">",
                "background: url(data:image/svg+xml;base64," + b64(80 + r.nextInt(160)) + ");",
                "icon: \"data:image/gif;base64," + b64(40 + r.nextInt(60)) + "\""));
    }

    Sample lorem() {
        var b = new StringBuilder();
        int n = 12 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            b.append(LOREM.get(r.nextInt(LOREM.size()))).append(i % 9 == 8 ? ". " : " ");
        }
        return new Sample("lorem", b.toString().strip());
    }

    Sample codeReference() {
        String camel = words(2, true);
        return new Sample("code assigning a variable", r.pick(
                "String token = tokenService.issue(user, Duration.ofMinutes(15));",
                "token = request.headers.get(\"Authorization\", \"\").removeprefix(\"Bearer \")",
                "self.api_key = api_key",
                "password = os.environ[\"DATABASE_PASSWORD\"]",
                "String apiKey = System.getenv(\"OPENAI_API_KEY\");",
                "secret = config.getString(\"app.security.jwt-secret\")",
                "String accessToken = response.body().accessToken();",
                "token = settings.GITHUB_APP_INSTALLATION_TOKEN",
                "api_key = " + camel + "_from_environment_or_default",
                "const token = await getAccessTokenForScope(" + camel + ");",
                "credentials = service_account.Credentials.from_service_account_file(path)",
                "private_key = load_pem_private_key(pem_bytes, password=None)",
                "export GITHUB_TOKEN=$(gh auth token)",
                "String secretKey = keyStore.getKey(alias, password.toCharArray()).toString();"));
    }

    Sample placeholder() {
        return new Sample("placeholder", r.pick(
                "api_key = \"YOUR_API_KEY_HERE\"",
                "password: \"********************\"",
                "token: <token>",
                "secret: ${APP_SECRET}",
                "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                "GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "password = \"changeme\"",
                "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "apiKey: {{ .Values.apiKey }}",
                "\"client_secret\": \"<client secret from the console>\"",
                "SLACK_TOKEN=xoxb-your-token-here",
                "secret_key = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"));
    }

    /** Public keys, certificates and integrity hashes: random base64 that is meant to be published. */
    Sample publicMaterial() {
        String body = b64(48 * (3 + r.nextInt(5)));
        return new Sample("public key material", r.pick(
                "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----",
                "\"integrity\": \"sha512-" + b64(64) + "\",",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(24) + " dev@build",
                "\"publicKey\": \"" + b64(32) + "\","));
    }
}
