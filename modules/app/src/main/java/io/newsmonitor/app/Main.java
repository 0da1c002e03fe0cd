package io.newsmonitor.app;

import io.newsmonitor.app.broker.EmbeddedBroker;
import io.newsmonitor.app.cli.NewsmonitorCommand;
import io.newsmonitor.config.ConfigException;
import picocli.CommandLine;

/** Entry point of {@code newsmonitor}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, with expected failures (bad configuration, a busy port, an unreachable cluster, a Kafka
     * client error) reported as one line naming the culprit, without a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NewsmonitorCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ConfigException || e instanceof EmbeddedBroker.BrokerStartException
                    || e instanceof IllegalStateException || e instanceof IllegalArgumentException
                    || e instanceof org.apache.kafka.common.KafkaException) {
                command.getErr().println("newsmonitor: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
