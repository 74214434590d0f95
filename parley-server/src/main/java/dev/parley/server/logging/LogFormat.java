package dev.parley.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code parley serve} writes its log: one line per event, either {@code text} (time, level, logger, message,
 * then the event's fields as {@code key="value"}) or {@code json} (one JSON object per line, Logstash's field
 * names, the event's fields as top-level fields), for a log shipper. Logback is the backend; its
 * {@code logback.xml} gives the text form until {@code serve} installs the one asked for.
 */
public enum LogFormat {
    TEXT, JSON;

    /** The text layout; {@code logback.xml} uses the same. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level %logger{24} %msg %kvp%n";

    /** {@code text} or {@code json}, any case. */
    public static LogFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-format is text or json, not '" + name + "'");
        }
    }

    /**
     * Makes every log line go to {@code out} in this format, from INFO up (Jetty's own chatter from WARN),
     * replacing the appenders configured so far.
     */
    public void install(OutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("parley-" + name().toLowerCase(Locale.ROOT));
        appender.setEncoder(encoder(context));
        appender.setOutputStream(out);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
    }

    private Encoder<ILoggingEvent> encoder(LoggerContext context) {
        if (this == JSON) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }
}
