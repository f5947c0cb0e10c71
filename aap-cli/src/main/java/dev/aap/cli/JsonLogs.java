package dev.aap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.mask.ValueMasker;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.LogManager;

/**
 * The logs of {@code aap serve}: one JSON object per line (timestamp, level, logger, message, node, and run_id and
 * task_id while a run executes) with credentials masked. Every other command keeps logback's root at OFF (its
 * logback.xml), so libraries stay silent there.
 */
final class JsonLogs implements AutoCloseable {

    private static final String APPENDER = "aap-json";

    private final LoggerContext context;
    private final OutputStreamAppender<ILoggingEvent> appender;
    private final LevelChangePropagator propagator;
    private final Handler[] julHandlers;

    private JsonLogs(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender,
                     LevelChangePropagator propagator, Handler[] julHandlers) {
        this.context = context;
        this.appender = appender;
        this.propagator = propagator;
        this.julHandlers = julHandlers;
    }

    /** Sends all logging (SLF4J and java.util.logging) at INFO and above to {@code out} as JSON lines. */
    static JsonLogs start(OutputStream out, String node) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.putProperty("node", node);
        // JUL checks its own levels before anything reaches the bridge: keep them in step with logback's
        var propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(false);
        propagator.start();
        context.addListener(propagator);

        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(encoder(context));
        appender.setImmediateFlush(true);
        appender.setOutputStream(out);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        // the HTTP server's per-connection chatter is not worth a line each
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        Handler[] julHandlers = LogManager.getLogManager().getLogger("").getHandlers();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return new JsonLogs(context, appender, propagator, julHandlers);
    }

    private static LogstashEncoder encoder(LoggerContext context) {
        var names = new LogstashFieldNames();
        names.setTimestamp("timestamp");
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        names.setLogger("logger");
        names.setThread("thread");
        var masking = new MaskingJsonGeneratorDecorator();
        masking.addValueMasker(new Masker());
        masking.start();
        var encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setFieldNames(names);
        encoder.setIncludeMdc(true);
        encoder.setJsonGeneratorDecorator(masking);
        encoder.start();
        return encoder;
    }

    /** Masks credentials inside every string value of a log line: the message, MDC values, stack traces. */
    private static final class Masker implements ValueMasker {

        @Override
        public Object mask(JsonStreamContext context, Object value) {
            if (value instanceof CharSequence s) {
                String text = s.toString();
                String masked = Secrets.mask(text);
                return masked.equals(text) ? null : masked;
            }
            return null;
        }
    }

    /** Back to silence (tests start and stop the JSON logs within one JVM). */
    @Override
    public void close() {
        SLF4JBridgeHandler.uninstall();
        for (Handler h : julHandlers) {
            LogManager.getLogManager().getLogger("").addHandler(h);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.OFF);
        root.detachAppender(appender);
        appender.stop();
        context.removeListener(propagator);
        context.getLogger("org.eclipse.jetty").setLevel(null);
    }
}
