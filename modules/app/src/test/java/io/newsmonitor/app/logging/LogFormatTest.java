package io.newsmonitor.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsmonitor.app.Main;
import io.newsmonitor.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --log-format json}: every line a JSON object a log shipper can read, with level, logger and message. */
class LogFormatTest {

    private ConsoleAppender<ILoggingEvent> console;
    private Encoder<ILoggingEvent> textEncoder;
    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void keepTheTextEncoder() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        console = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()
                .next();
        textEncoder = console.getEncoder();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        console.stop();
        console.setEncoder(textEncoder);
        console.start();
    }

    @Test
    void theOptionTurnsEveryLineIntoOneJsonObject() throws Exception {
        int status = Main.commandLine().execute("--log-format", "json", "settings");
        LoggerFactory.getLogger("io.newsmonitor.poller.runtime.PollerService")
                .warn("Source {}: record skipped: {}", "elysee", "bad JSON");

        assertThat(status).isZero();
        List<String> lines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.startsWith("{")).toList();
        assertThat(lines).isNotEmpty();
        JsonNode last = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(last.get("level").asText()).isEqualTo("WARN");
        assertThat(last.get("loggerName").asText()).isEqualTo("io.newsmonitor.poller.runtime.PollerService");
        assertThat(last.get("formattedMessage").asText()).isEqualTo("Source elysee: record skipped: bad JSON");
        assertThat(last.has("timestamp")).isTrue();
    }
}
