package io.newsmonitor.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: {@code text} (one readable line per event, the default) or {@code json} (one JSON object
 * per line, for log shippers: timestamp, level, logger, thread, message, and the throwable when there is one).
 */
public enum LogFormat {
    TEXT, JSON;

    /** The name of the console appender in {@code logback.xml}. */
    static final String APPENDER = "STDERR";

    /** Switches the console appender of {@code logback.xml} to this format, for the rest of the process. */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.start();
        console.stop();
        Encoder<ILoggingEvent> previous = console.getEncoder();
        console.setEncoder(json);
        console.start();
        if (previous instanceof PatternLayoutEncoder pattern) {
            pattern.stop();
        }
    }
}
