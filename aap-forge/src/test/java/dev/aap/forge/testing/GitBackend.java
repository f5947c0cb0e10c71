package dev.aap.forge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Git's smart HTTP protocol under {@code /git}, served by {@code git http-backend} as a CGI program. Pushes always
 * need the token as the password of HTTP Basic; fetches need it only when the repositories are private.
 */
final class GitBackend implements HttpHandler {

    static final String BASE = "/git";

    private final TestForge forge;
    private final State state;
    private final Path root;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    GitBackend(TestForge forge, State state, Path root) {
        this.forge = forge;
        this.state = state;
        this.root = root;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            forge.record(exchange, "");
            String pathInfo = exchange.getRequestURI().getPath().substring(BASE.length());
            String query = exchange.getRequestURI().getRawQuery();
            boolean push = pathInfo.endsWith("/git-receive-pack")
                    || (query != null && query.contains("service=git-receive-pack"));
            String user = authenticated(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean privateRepos;
            boolean known;
            synchronized (state) {
                privateRepos = state.privateRepos;
                known = state.repos.values().stream().anyMatch(r -> pathInfo.startsWith("/" + r.path + ".git/"));
            }
            boolean presented = exchange.getRequestHeaders().getFirst("Authorization") != null;
            if (user == null && (push || privateRepos || presented)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"TestForge\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!known || pathInfo.contains("..")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            cgi(exchange, pathInfo, query, user == null ? "" : user);
        }
    }

    /** The Basic user whose password is a token the forge accepts, or null. */
    private String authenticated(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        synchronized (state) {
            return state.acceptsToken(decoded.substring(colon + 1)) ? decoded.substring(0, colon) : null;
        }
    }

    private void cgi(HttpExchange exchange, String pathInfo, String query, String user) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", pathInfo);
        env.put("QUERY_STRING", query == null ? "" : query);
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        putHeader(exchange, env, "Content-Type", "CONTENT_TYPE");
        putHeader(exchange, env, "Content-Length", "CONTENT_LENGTH");
        putHeader(exchange, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
        putHeader(exchange, env, "Git-Protocol", "HTTP_GIT_PROTOCOL");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        running.add(process);
        try {
            Thread feeder = Thread.ofVirtual().start(() -> feed(exchange.getRequestBody(), process));
            respond(exchange, process.getInputStream());
            feeder.join();
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // the client went away, or the forge closes: the backend must not outlive the request
            process.destroyForcibly();
            running.remove(process);
        }
    }

    private static void putHeader(HttpExchange exchange, Map<String, String> env, String header, String variable) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    private static void feed(InputStream body, Process process) {
        try (OutputStream in = process.getOutputStream()) {
            body.transferTo(in);
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }

    /** Copies the CGI headers (Status first) to the response, then streams the rest of the output. */
    private static void respond(HttpExchange exchange, InputStream out) throws IOException {
        int status = 200;
        while (true) {
            String line = headerLine(out);
            if (line == null || line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream response = exchange.getResponseBody()) {
            out.transferTo(response);
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    void close() {
        running.forEach(Process::destroyForcibly);
    }

    static Path repositories(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("git"));
    }
}
