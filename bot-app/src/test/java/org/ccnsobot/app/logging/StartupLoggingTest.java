package org.ccnsobot.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** logback as it stands before the config is read, set up in code (there is no logback.xml). */
class StartupLoggingTest {

    @Test
    void theBotsLoggersAtTheEnvironmentsLevelLibrariesAtWarnOnStandardErrorInThePattern() {
        LoggerContext ctx = new LoggerContext();
        assertThat(StartupLogging.configure(ctx, null, "debug")).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(ctx.getLogger("org.ccnsobot").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> appender = (ConsoleAppender<?>) ctx.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender(StartupLogging.APPENDER);
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(appender.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(Logging.PATTERN);
    }

    @Test
    void noLevelOrANonLevelInTheEnvironmentIsInfo() {
        LoggerContext unset = new LoggerContext();
        StartupLogging.configure(unset, null, null);
        assertThat(unset.getLogger("org.ccnsobot").getLevel()).isEqualTo(Level.INFO);
        LoggerContext chatty = new LoggerContext();
        StartupLogging.configure(chatty, null, "chatty");
        assertThat(chatty.getLogger("org.ccnsobot").getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void anOperatorsOwnLogbackFileIsLeftToLogbacksConfigurators() {
        LoggerContext ctx = new LoggerContext();
        assertThat(StartupLogging.configure(ctx, "/etc/ccnso-bot/logback.xml", "debug"))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void theProcessesLoggingWasSetUpByIt() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(StartupLogging.APPENDER))
                .isInstanceOf(ConsoleAppender.class);
    }
}
