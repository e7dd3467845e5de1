package org.ccnsobot.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * logback's set-up until the config is read, in code rather than in a logback.xml: reading XML made logback load its
 * whole Joran machinery and the JDK's SAX parser, about a quarter of a second of every start. Logs go to standard
 * error so that standard output carries only the bot's replies (scriptable); the bot's own loggers log at
 * {@code CCNSO_LOG_LEVEL} (INFO when unset or not a level: the config's check names a bad value), libraries at WARN.
 * {@link Logging} then applies {@code logging:} from the config. An operator's own file given with
 * {@code -Dlogback.configurationFile} is still read, by logback's own configurators after this one steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StartupLogging extends ContextAwareBase implements Configurator {
    static final String APPENDER = "STDERR";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        return configure(ctx, System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY),
                System.getenv("CCNSO_LOG_LEVEL"));
    }

    static ExecutionStatus configure(LoggerContext ctx, String operatorsFile, String level) {
        if (operatorsFile != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder = Logging.encoder(ctx,
                org.ccnsobot.config.LoggingConfig.Format.TEXT);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setName(APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        ctx.getLogger("org.ccnsobot").setLevel(Level.toLevel(level, Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
