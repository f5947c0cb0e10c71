package dev.aap.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.store.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Requests Jetty refuses before Javalin sees them (ambiguous or badly encoded paths, URIs or headers too large) get
 * the same {@code application/problem+json} answer as everything else, for every method, instead of an HTML page.
 */
final class JettyProblems extends ErrorHandler {

    /** Jetty's reasons are short phrases; anything else (a class name, a stack line) is not shown. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 ,.:'>=-]{1,120}");

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        String path = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
        response.write(true, ByteBuffer.wrap(body(code, message, path)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        return ByteBuffer.wrap(body(status, reason, ""));
    }

    private static byte[] body(int status, String message, String path) {
        String title = HttpStatus.getMessage(status);
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "about:blank");
        n.put("title", title);
        n.put("status", status);
        n.put("detail", "the request was refused before it reached aap ("
                + (message != null && PLAIN.matcher(message).matches() ? message : title)
                + "): check the path's encoding and the size of the URI and headers");
        n.put("instance", Requests.truncate(path, 200));
        return Json.write(n).getBytes(StandardCharsets.UTF_8);
    }
}
