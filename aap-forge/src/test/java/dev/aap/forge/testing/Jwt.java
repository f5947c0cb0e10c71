package dev.aap.forge.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a GitHub App's JSON web token the way GitHub does: RS256 with the app's key, the app id as issuer, issued
 * no more than a minute in the future, not expired, and living at most ten minutes.
 */
final class Jwt {

    private Jwt() {
    }

    static boolean valid(String token, State.App app, Instant now) {
        if (app == null || token == null) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = Call.JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = Call.JSON.readTree(b64.decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return false;
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(app.key());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(b64.decode(parts[2]))) {
                return false;
            }
            return claimsHold(claims, app.appId(), now.getEpochSecond());
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }

    private static boolean claimsHold(JsonNode claims, long appId, long now) {
        JsonNode iss = claims.path("iss");
        JsonNode iat = claims.path("iat");
        JsonNode exp = claims.path("exp");
        if (!(iss.isTextual() || iss.isIntegralNumber()) || !String.valueOf(appId).equals(iss.asText())
                || !iat.isNumber() || !exp.isNumber()) {
            return false;
        }
        long issued = iat.asLong();
        long expires = exp.asLong();
        return issued <= now + 60 && expires > now && expires - issued <= 600;
    }
}
