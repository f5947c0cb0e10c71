package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A model provider on 127.0.0.1 that answers from a script, speaking the real OpenAI, Anthropic or Ollama wire
 * protocol, so clients are tested over real HTTP; shared with {@code aap-cli}'s tests through the test jar.
 */
public final class ScriptedModelServer implements AutoCloseable {

    private final FakeWire wire;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<Map<String, String>> headers = new ArrayList<>();
    private Function<JsonNode, Reply> otherwise;

    private ScriptedModelServer(FakeWire wire) {
        this.wire = wire;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Speaks OpenAI Chat Completions at {@code /v1/chat/completions}. */
    public static ScriptedModelServer openAi() {
        return new ScriptedModelServer(new OpenAiWire());
    }

    /** Speaks Anthropic Messages at {@code /v1/messages}. */
    public static ScriptedModelServer anthropic() {
        return new ScriptedModelServer(new AnthropicWire());
    }

    /** Speaks Ollama's {@code /api/chat}. */
    public static ScriptedModelServer ollama() {
        return new ScriptedModelServer(new OllamaWire());
    }

    /** What to pass as {@code --base-url}: {@code http://127.0.0.1:PORT/v1}, or without {@code /v1} for Ollama. */
    public String baseUrl() {
        return wire.baseUrl(port());
    }

    /** The spec of model {@code name} served here. */
    public ModelSpec modelSpec(String name) {
        return new ModelSpec(wire.provider(), name, baseUrl());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Appends answers, served first in, first out; an empty script answers 500 saying it ran out. */
    public synchronized ScriptedModelServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request the script does not cover by {@code responder} applied to the request body. */
    public synchronized ScriptedModelServer otherwise(Function<JsonNode, Reply> responder) {
        this.otherwise = responder;
        return this;
    }

    /** The parsed JSON bodies of all chat requests received so far. */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The headers of all chat requests received so far, names in lower case. */
    public synchronized List<Map<String, String>> requestHeaders() {
        return List.copyOf(headers);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            if (!route.equals("POST " + wire.chatPath())) {
                send(exchange, 404, wire.error(404, "ScriptedModelServer (" + wire.provider().id() + ") has no route "
                        + route + "; it answers POST " + wire.chatPath()).toString());
                return;
            }
            JsonNode body;
            try {
                body = FakeWire.JSON.readTree(raw);
            } catch (IOException e) {
                send(exchange, 400, wire.error(400, "request body is not JSON").toString());
                return;
            }
            Reply reply = next(exchange, body);
            answer(exchange, reply == null
                    ? Reply.httpError(500, "ScriptedModelServer: the script ran out at request #" + requests().size())
                    : reply, body);
        }
    }

    private synchronized Reply next(HttpExchange exchange, JsonNode body) {
        requests.add(body);
        Map<String, String> received = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                received.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        headers.add(received);
        Reply scripted = script.poll();
        return scripted != null || otherwise == null ? scripted : otherwise.apply(body);
    }

    private void answer(HttpExchange exchange, Reply reply, JsonNode request) throws IOException {
        switch (reply) {
            case Reply.Delayed delayed -> {
                try {
                    Thread.sleep(delayed.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                answer(exchange, delayed.then(), request);
            }
            case Reply.HttpError error -> send(exchange, error.status(),
                    wire.error(error.status(), error.message()).toString());
            case Reply.RawError raw -> send(exchange, raw.status(), raw.body());
            case Reply.Malformed malformed -> send(exchange, 200, malformed.rawBody());
            case Reply.Text text -> send(exchange, 200, wire.answer(text, request).toString());
            case Reply.ToolCalls calls -> send(exchange, 200, wire.answer(calls, request).toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
