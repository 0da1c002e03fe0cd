package io.newsmonitor.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: {@code text} (one readable line per event, the default) or {@code json} (one JSON object
 * per line, for log shippers: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName},
 * {@code formattedMessage}, and {@code throwable} when there is one).
 */
public enum LogFormat {
    TEXT, JSON;

    /** Switches the console appenders of the logging configuration to this format, for the rest of the process. */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                JsonEncoder json = new JsonEncoder();
                json.setContext(context);
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                json.setWithContext(false);
                json.setWithMDC(false);
                json.setWithMessage(false);
                json.setWithArguments(false);
                json.setWithFormattedMessage(true);
                json.start();
                console.stop();
                console.setEncoder(json);
                console.start();
            }
        }
    }
}
