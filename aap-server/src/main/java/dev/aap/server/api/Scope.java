package dev.aap.server.api;

import io.javalin.security.RouteRole;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** What a token may do; each API route names the one it needs, and {@code admin} may do everything. */
public enum Scope implements RouteRole {
    RUN_READ("run:read"),
    RUN_WRITE("run:write"),
    ARTIFACT_READ("artifact:read"),
    REPO_ADMIN("repo:admin"),
    METRICS_READ("metrics:read"),
    ADMIN("admin");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Scope> of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    /** Whether a token with {@code granted} scopes may use a route that needs this one. */
    public boolean grantedBy(Collection<String> granted) {
        return granted.contains(ADMIN.label) || granted.contains(label);
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(Scope::label).toList());
    }
}
