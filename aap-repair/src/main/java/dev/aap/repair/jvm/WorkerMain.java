package dev.aap.repair.jvm;

import dev.aap.repair.jvm.Protocol.Reply;
import dev.aap.repair.jvm.Protocol.Request;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The worker JVM's entry point: reads requests on stdin, answers on the real stdout. Tests' own System.out and
 * System.err go to a sink and System.in is empty, so nothing a test does can corrupt the conversation.
 */
final class WorkerMain {

    private final PrintStream protocol;
    private final PrintStream diagnostics;
    private WorkerSession session;

    private WorkerMain(PrintStream protocol, PrintStream diagnostics) {
        this.protocol = protocol;
        this.diagnostics = diagnostics;
    }

    public static void main(String[] args) throws Exception {
        var protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        var diagnostics = System.err;
        var in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
                StandardCharsets.UTF_8));
        var sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        System.setIn(InputStream.nullInputStream());
        new WorkerMain(protocol, diagnostics).serve(in);
    }

    private void serve(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            Reply reply;
            try {
                reply = handle(Protocol.readRequest(line));
            } catch (Throwable t) {
                // the worker's last line of defence: whatever broke, the parent gets told and replaces this JVM
                diagnostics.println("aap worker: " + t);
                reply = new Reply.Failure(t.toString());
            }
            send(reply);
        }
    }

    private Reply handle(Request request) throws Exception {
        return switch (request) {
            case Request.Init init -> {
                session = WorkerSession.open(init);
                yield new Reply.Ready(Runtime.version().toString());
            }
            case Request.Discover d -> session().discover();
            case Request.Cover c -> session().cover(c);
            case Request.Validate v -> session().validate(v, id -> send(new Reply.Started(id)));
        };
    }

    private WorkerSession session() {
        if (session == null) {
            throw new IllegalStateException("no init request received");
        }
        return session;
    }

    private synchronized void send(Reply reply) {
        protocol.println(Protocol.write(reply));
        protocol.flush();
    }
}
