package org.ccnsobot.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ccnsobot.config.LoggingConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging:} to logback once the config is read: the bot's own loggers ({@code org.ccnsobot}) at the
 * level asked, third-party libraries at WARN (or ERROR when that is asked), each line of the console appender
 * (standard error, see StartupLogging) as text or as one JSON object, and the config's secret values masked in every line.
 */
public final class Logging {
    /** The text pattern, from the start (StartupLogging) on: an ISO timestamp in UTC, the level, the logger, the message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z', UTC} %-5level %logger{20} - %msg%n";

    private Logging() {
    }

    /** Reconfigures logback (when it is the SLF4J binding; otherwise does nothing). */
    public static void apply(LoggingConfig config, List<String> secrets) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return;
        }
        LoggerContext ctx = (LoggerContext) factory;
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (java.util.Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> appender) {
                Encoder<ILoggingEvent> encoder = new SecretMaskingEncoder(encoder(ctx, config.format()), secrets);
                encoder.setContext(ctx);
                appender.stop();
                appender.setEncoder(encoder);
                encoder.start();
                appender.start();
            }
        }
        Level level = Level.toLevel(config.level(), Level.INFO);
        ctx.getLogger("org.ccnsobot").setLevel(level);
        root.setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
    }

    /** The console appender's encoder for {@code format}, not started. */
    static Encoder<ILoggingEvent> encoder(LoggerContext ctx, LoggingConfig.Format format) {
        if (format == LoggingConfig.Format.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(ctx);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(ctx);
        text.setPattern(PATTERN);
        text.setCharset(StandardCharsets.UTF_8);
        return text;
    }
}
