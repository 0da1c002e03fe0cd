package io.newsmonitor.app.cli;

import io.newsmonitor.app.logging.LogFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code newsmonitor} command and its subcommands. */
@Command(name = "newsmonitor", mixinStandardHelpOptions = true, version = "newsmonitor 0.1.0",
        description = "Streaming monitor of AI-cooperation announcements on Apache Kafka.",
        subcommands = {RunCommand.class, DemoCommand.class, BrokerCommand.class, RoleCommands.Poll.class,
                RoleCommands.Process.class, RoleCommands.Sink.class, TailCommand.class, FeedsCommand.class,
                SubscriptionsCommand.class,
                ReplayCommand.class, SettingsCommand.class, BenchCommand.class})
public final class NewsmonitorCommand {

    /** Applied while the command line is parsed, so that every line of the command is in the format asked for. */
    @Option(names = "--log-format", paramLabel = "text|json", scope = ScopeType.INHERIT,
            description = "Log lines as readable text (default) or one JSON object per line, for log shippers")
    void logFormat(LogFormat format) {
        format.apply();
    }
}
