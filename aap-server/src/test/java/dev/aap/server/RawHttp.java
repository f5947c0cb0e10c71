package dev.aap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for requests {@link java.net.http.HttpClient} refuses to send: raw bytes in the
 * target, any header, bodies that lie about their length.
 */
public final class RawHttp {

    /** A request as bytes on the wire; {@code sendBytes} below {@code body.length} cuts the body short. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body, int sendBytes) {

        public Request {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            sendBytes = body == null ? 0 : sendBytes < 0 ? body.length : sendBytes;
        }

        public static Request of(String method, String target, Map<String, String> headers, byte[] body) {
            return new Request(method, target, headers, body, -1);
        }

        @Override
        public String toString() {
            String t = target.length() > 120 ? target.substring(0, 120) + "…" : target;
            String b = body == null ? "" : " body[" + body.length + "]: " + new String(body, 0,
                    Math.min(body.length, 160), StandardCharsets.ISO_8859_1);
            var h = new StringBuilder();
            headers.forEach((k, v) -> h.append(' ').append(k).append('=')
                    .append(v.length() > 60 ? v.substring(0, 60) + "…" : v));
            return method + " " + t + h + b;
        }
    }

    /** The status, headers (lower-case names) and the body with any chunked encoding removed. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    public static Reply send(int port, Request r) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            var head = new StringBuilder(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (r.body() != null && !r.headers().containsKey("Transfer-Encoding")) {
                head.append("Content-Length: ").append(r.body().length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            // the server may answer (413) and close before it read the whole body: write beside the reading
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    if (r.body() != null) {
                        out.write(r.body(), 0, r.sendBytes());
                    }
                    out.flush();
                    if (r.sendBytes() < (r.body() == null ? 0 : r.body().length)) {
                        s.shutdownOutput();
                    }
                } catch (IOException e) {
                    // the server stopped reading; its answer is what counts
                }
            });
            byte[] all = readAll(s.getInputStream());
            writer.join(5000);
            return parse(all);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + r, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var buf = new ByteArrayOutputStream();
        byte[] b = new byte[65536];
        try {
            for (int n; (n = in.read(b)) > 0; ) {
                buf.write(b, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer arrived (the server closed with unread body bytes) ends the reply
            if (buf.size() == 0) {
                throw e;
            }
        }
        return buf.toByteArray();
    }

    private static Reply parse(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, c).trim().toLowerCase(java.util.Locale.ROOT),
                    lines[i].substring(c + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(status, headers, body);
    }

    private static byte[] unchunk(byte[] b) {
        var out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(b, i);
            if (eol < 0) {
                break;
            }
            String size = new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(b, eol + 2, Math.min(n, b.length - eol - 2));
            i = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
