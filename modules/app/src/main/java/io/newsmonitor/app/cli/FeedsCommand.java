package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.config.Durations;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.InvalidFieldException;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.SourceCheck;
import io.newsmonitor.poller.config.FeedCatalog;
import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.CompactedTopicReader.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmonitor feeds add|remove|list|status}: the source list in the feeds topic, changed at run time;
 * {@code newsmonitor feeds check}: sources of {@code feeds.yaml} tried once, without Kafka.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Show and change the sources the pollers share (the compacted feeds topic), or try them once.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.Remove.class, FeedsCommand.ListSources.class,
                FeedsCommand.Status.class, FeedsCommand.Check.class})
final class FeedsCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace a source.")
    static final class Add implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Parameters(index = "0", paramLabel = "ID", description = "Source id (lower case, digits, '.', '_', '-')")
        String id;
        @Parameters(index = "1", paramLabel = "URL", description = "Feed or listing page address")
        String url;
        @Option(names = "--type", defaultValue = "auto", description = "rss, atom, auto (default) or html")
        String type;
        @Option(names = "--interval", description = "Polling interval (default: 15m, as for sources of feeds.yaml)")
        String interval;
        @Option(names = "--language", description = "Language hint (fr, en, de, ...)")
        String language;
        @Option(names = "--tag", description = "A tag (repeatable)")
        List<String> tags = List.of();
        @Option(names = "--full-text", description = "Fetch each article page for the whole text")
        boolean fullText;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SourceType sourceType = SourceType.parse(type);
            if (sourceType == SourceType.HTML) {
                throw new ParameterException(spec.commandLine(),
                        "html sources need selectors: declare them in feeds.yaml");
            }
            FeedSource source;
            try {
                source = FeedCatalog.added(id, url, sourceType, interval == null ? null : Durations.parse(interval),
                        language, tags, fullText);
            } catch (InvalidFieldException e) {
                throw new ParameterException(spec.commandLine(), "source " + e.getMessage());
            }
            AppConfig config = kafka.load();
            Seeder.write(config.kafka().commonProperties(), config.kafka().topics().feeds(), id, source);
            spec.commandLine().getOut().println("added " + id + " " + url);
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a source. A source of feeds.yaml comes back at the next start unless it is "
                    + "removed from the file too."})
    static final class Remove implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AppConfig config = kafka.load();
            if (!Seeder.current(config.kafka().commonProperties(), config.kafka().topics().feeds()).containsKey(id)) {
                spec.commandLine().getErr().println("newsmonitor: no source '" + id + "'");
                return 1;
            }
            Seeder.write(config.kafka().commonProperties(), config.kafka().topics().feeds(), id, null);
            spec.commandLine().getOut().println("removed " + id);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sources.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AppConfig config = kafka.load();
            PrintWriter out = spec.commandLine().getOut();
            Snapshot<FeedSource> sources = CompactedTopicReader.read(config.kafka().commonProperties(),
                    config.kafka().topics().feeds());
            out.printf("%-36s %-5s %-8s %-8s %s%n", "ID", "TYPE", "INTERVAL", "ENABLED", "URL");
            new TreeMap<>(sources.values()).values().forEach(s -> out.printf("%-36s %-5s %-8s %-8s %s%n", s.id(),
                    s.type().jsonName(), human(s.interval()), s.enabled(), s.url()));
            printInvalid(out, sources);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show each source's polling state: status, last success, last error, next poll.")
    static final class Status implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AppConfig config = kafka.load();
            Map<String, Object> common = config.kafka().commonProperties();
            Snapshot<FeedSource> feeds = CompactedTopicReader.read(common, config.kafka().topics().feeds());
            Map<String, FeedSource> sources = feeds.values();
            Map<String, PollerState> states = Seeder.current(common, config.kafka().topics().pollerState());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-36s %-9s %9s %8s %-24s %-24s %s%n", "ID", "STATUS", "PUBLISHED", "FAILURES",
                    "LAST SUCCESS", "NEXT POLL", "LAST ERROR");
            for (String id : new TreeMap<>(sources).keySet()) {
                PollerState s = states.getOrDefault(id, PollerState.initial(id));
                out.printf("%-36s %-9s %9d %8d %-24s %-24s %s%n", id, s.status(), s.published(),
                        s.consecutiveFailures(), s.lastSuccessAt() == null ? "-" : s.lastSuccessAt(),
                        s.nextPollAt() == null ? "-" : s.nextPollAt(),
                        s.status() == PollerState.Status.FAILING && s.lastError() != null ? s.lastError() : "");
            }
            printInvalid(out, feeds);
            return 0;
        }
    }

    /** Records of the feeds topic that no poller can use, each with its key and reason. */
    private static void printInvalid(PrintWriter out, Snapshot<FeedSource> sources) {
        new TreeMap<>(sources.invalid()).forEach((id, error) -> out.printf("%-36s INVALID   %s%n", id, error));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Fetch sources of feeds.yaml once, as a poller would (robots.txt, fetch, parse, "
                    + "normalise, article pages for full text), and print what would be published: status, "
                    + "items with date, title and text length, and for HTML sources how many items each selector "
                    + "matched. Needs no Kafka and publishes nothing.",
                    "Exit status 0 when every checked source works (OK or RECOVERED), 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
                description = "Configuration directory (default: ${DEFAULT-VALUE})")
        Path configDir;
        @Parameters(arity = "0..1", paramLabel = "ID",
                description = "Check only this source, even if disabled (default: every enabled source)")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            AppConfig config = AppConfig.load(configDir, null, null);
            List<FeedSource> sources = FeedCatalog.load(config.feedsFile());
            if (id != null) {
                sources = sources.stream().filter(s -> s.id().equals(id)).toList();
                if (sources.isEmpty()) {
                    spec.commandLine().getErr().println("newsmonitor: no source '" + id + "' in "
                            + config.feedsFile());
                    return 1;
                }
            }
            SourceCheck check = SourceCheck.create(config.poller());
            CheckReport report = new CheckReport(spec.commandLine().getOut());
            for (FeedSource source : sources) {
                if (source.enabled() || id != null) {
                    report.checked(source, check.check(source));
                } else {
                    report.skipped(source);
                }
            }
            return report.finish() ? 0 : 1;
        }
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
