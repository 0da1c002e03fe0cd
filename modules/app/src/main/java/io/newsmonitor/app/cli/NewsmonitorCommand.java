package io.newsmonitor.app.cli;

import picocli.CommandLine.Command;

/** The {@code newsmonitor} command and its subcommands. */
@Command(name = "newsmonitor", mixinStandardHelpOptions = true, version = "newsmonitor 0.1.0",
        description = "Streaming monitor of AI-cooperation announcements on Apache Kafka.",
        subcommands = {RunCommand.class, DemoCommand.class, BrokerCommand.class, RoleCommands.Poll.class,
                RoleCommands.Process.class, RoleCommands.Sink.class, TailCommand.class, FeedsCommand.class,
                ReplayCommand.class, SettingsCommand.class})
public final class NewsmonitorCommand {
}
