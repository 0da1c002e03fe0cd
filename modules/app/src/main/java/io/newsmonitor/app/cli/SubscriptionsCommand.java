package io.newsmonitor.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.ConfigNode;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.CompiledRule;
import io.newsmonitor.rules.RuleException;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.rules.SourceTags;
import io.newsmonitor.rules.preview.Preview;
import io.newsmonitor.rules.preview.PreviewResult;
import io.newsmonitor.sink.config.SubscriptionCatalog;
import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.CompactedTopicReader.Snapshot;
import io.newsmonitor.topics.RecordOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
 * {@code newsmonitor subscriptions add|remove|list|show|test}: the subscriptions in the compacted subscriptions topic,
 * changed at run time (the sink picks changes up within seconds, without restart), and the preview of a rule over
 * recent classified announcements. See {@code docs/subscriptions.md}.
 */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Show, change and try the subscriptions the sink alerts on (the compacted subscriptions topic).",
        subcommands = {SubscriptionsCommand.Add.class, SubscriptionsCommand.Remove.class,
                SubscriptionsCommand.ListSubscriptions.class, SubscriptionsCommand.Show.class,
                SubscriptionsCommand.Test.class})
final class SubscriptionsCommand {

    private static final String STDIN = "-";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add or replace a subscription, written in YAML or JSON as one entry of "
                    + "subscriptions.yaml. Its rule is checked first; nothing is written if it is refused.",
                    "A subscription of subscriptions.yaml replaced here is replaced again at the next start: edit "
                            + "the file for those."})
    static final class Add implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Parameters(paramLabel = "FILE|-", description = "The subscription's file, or - for standard input")
        String file;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AppConfig config = kafka.load();
            Subscription s = read(file, Rules.load(config.dir()), spec);
            Seeder.write(config.kafka().commonProperties(), config.kafka().topics().subscriptions(), s.id(), s,
                    RecordOrigin.CLI);
            spec.commandLine().getOut().println("added " + s.id());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a subscription. One of subscriptions.yaml comes back at the next start unless it "
                    + "is removed from the file too."})
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
            Snapshot<Subscription> current = current(config);
            if (!current.values().containsKey(id) && !current.invalid().containsKey(id)) {
                spec.commandLine().getErr().println("newsmonitor: no subscription '" + id + "'");
                return 1;
            }
            Seeder.write(config.kafka().commonProperties(), config.kafka().topics().subscriptions(), id, null,
                    RecordOrigin.CLI);
            spec.commandLine().getOut().println("removed " + id);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the subscriptions.")
    static final class ListSubscriptions implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AppConfig config = kafka.load();
            Rules rules = Rules.load(config.dir());
            Snapshot<Subscription> current = current(config);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-32s %-6s %-8s %-7s %s%n", "ID", "ORIGIN", "BACKFILL", "WEBHOOK", "RULE");
            new TreeMap<>(current.values()).values().forEach(s -> out.printf("%-32s %-6s %-8s %-7s %s%n", s.id(),
                    current.origins().getOrDefault(s.id(), "-"), s.backfill().isZero() ? "-" : human(s.backfill()),
                    s.webhook() == null ? "-" : "yes", describe(rules, s)));
            new TreeMap<>(current.invalid()).forEach((id, error) -> out.printf("%-32s INVALID %s%n", id, error));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one subscription as YAML (webhook secret hidden), with its compiled rule.")
    static final class Show implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            AppConfig config = kafka.load();
            Snapshot<Subscription> current = current(config);
            Subscription s = current.values().get(id);
            if (s == null) {
                spec.commandLine().getErr().println("newsmonitor: no subscription '" + id + "'"
                        + (current.invalid().containsKey(id) ? ": " + current.invalid().get(id) : ""));
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(yaml(s));
            out.println("# origin: " + current.origins().getOrDefault(id, "unknown"));
            out.println("# compiled: " + describe(Rules.load(config.dir()), s));
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Preview: what a subscription (a file, - for standard input, or the id of a saved one) "
                    + "would have matched in the recent classified announcements, once per story, with the "
                    + "reasons. Writes nothing."})
    static final class Test implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Parameters(paramLabel = "FILE|-|ID", description = "A subscription file, - for standard input, or an id")
        String subject;
        @Option(names = "--days", defaultValue = "30", description = "How far back to look (default: ${DEFAULT-VALUE})")
        int days;
        @Option(names = "--limit", defaultValue = "20",
                description = "Show at most this many matches, newest first (default: ${DEFAULT-VALUE})")
        int limit;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (days < 1 || limit < 1) {
                throw new ParameterException(spec.commandLine(), "--days and --limit must be at least 1");
            }
            AppConfig config = kafka.load();
            Rules rules = Rules.load(config.dir());
            Subscription s = isFile(subject) ? read(subject, rules, spec) : saved(config, subject, spec);
            Properties props = new Properties();
            props.putAll(config.kafka().commonProperties());
            PreviewResult result = Preview.run(props, config.kafka().topics().classified(),
                    SourceTags.readFrom(config.kafka().commonProperties(), config.kafka().topics().feeds()), compile(rules, s, spec),
                    Duration.ofDays(days), limit, Clock.systemUTC());
            print(spec.commandLine().getOut(), result, days);
            return 0;
        }

        private static boolean isFile(String subject) {
            return subject.equals(STDIN) || Files.isRegularFile(Path.of(subject));
        }

        private static Subscription saved(AppConfig config, String id, CommandSpec spec) {
            Subscription s = current(config).values().get(id);
            if (s == null) {
                throw new ParameterException(spec.commandLine(), "no file and no subscription '" + id + "'");
            }
            return s;
        }

        private static void print(PrintWriter out, PreviewResult result, int days) {
            for (PreviewResult.Match m : result.matches()) {
                out.printf("%s  %s  %s%n", m.announcement().publishedAt() == null ? "(no date)"
                        : m.announcement().publishedAt(), m.announcement().id(), m.announcement().title());
                out.println("    " + (m.announcement().url() == null ? "" : m.announcement().url()));
                for (MatchReason reason : m.reasons()) {
                    out.println("    - " + reason.condition()
                            + (reason.terms().isEmpty() ? "" : "  " + String.join(", ", reason.terms())));
                }
            }
            out.printf("%d stor%s matched (%d shown) among %d announcements of the last %d days%s%n",
                    result.matched(), result.matched() == 1 ? "y" : "ies", result.matches().size(), result.scanned(),
                    days, result.skipped() == 0 ? "" : "; " + result.skipped() + " unreadable records skipped");
        }
    }

    /** The subscriptions topic, read to its end. */
    private static Snapshot<Subscription> current(AppConfig config) {
        return CompactedTopicReader.read(config.kafka().commonProperties(), config.kafka().topics().subscriptions());
    }

    /** A subscription read from a file or standard input and checked; a refusal names the file and field. */
    private static Subscription read(String file, Rules rules, CommandSpec spec) {
        String origin = file.equals(STDIN) ? "standard input" : file;
        try (InputStream in = file.equals(STDIN) ? System.in : Files.newInputStream(Path.of(file))) {
            return SubscriptionCatalog.subscription(ConfigNode.root(origin, in), rules);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "subscription refused: " + e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + origin + ": " + e.getMessage());
        }
    }

    private static CompiledRule compile(Rules rules, Subscription s, CommandSpec spec) {
        try {
            return rules.compile(s);
        } catch (RuleException e) {
            throw new ParameterException(spec.commandLine(), "subscription " + s.id() + " refused: "
                    + e.getMessage());
        }
    }

    private static String describe(Rules rules, Subscription s) {
        try {
            return rules.compile(s).describe();
        } catch (RuleException e) {
            return "REFUSED " + e.getMessage();
        }
    }

    /** The subscription as YAML, as {@code add} reads it, its webhook secret hidden. */
    private static String yaml(Subscription s) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        Map<String, Object> tree = Json.mapper().convertValue(s, Json.mapper().getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        if (s.webhook() != null && !s.webhook().secret().isEmpty()) {
            tree.put("webhook", Map.of("url", s.webhook().url(), "secret", "***", "allowPrivateNetwork",
                    s.webhook().privateNetworkAllowed()));
        }
        try {
            return yaml.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write subscription " + s.id() + " as YAML", e);
        }
    }

    private static String human(Duration d) {
        return d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays())) ? d.toDays() + "d"
                : d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
