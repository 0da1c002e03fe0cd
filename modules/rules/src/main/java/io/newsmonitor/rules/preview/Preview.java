package io.newsmonitor.rules.preview;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.rules.CompiledRule;
import io.newsmonitor.rules.SourceTags;
import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a rule would have matched over a recent period of {@code newsmonitor.announcements.classified}, before it is
 * saved: every partition read from its first record of the period to its last committed record
 * ({@code read_committed}), each announcement evaluated, and the matches kept once per story as alerts would be. The
 * period is by record time, which on that topic is the event time (publication time, see
 * {@code PublicationTimeExtractor}): {@code offsetsForTimes} finds the first record of the period, and older records
 * written after it (a backlog of old items) are left out. Reads with a plain consumer assigned to the partitions, in no
 * consumer group: it commits nothing and disturbs no role. Unreadable records are counted and skipped.
 */
public final class Preview {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Comparator<PreviewResult.Match> NEWEST_FIRST = Comparator.comparing(
            (PreviewResult.Match m) -> m.announcement().publishedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(m -> m.announcement().id());

    private Preview() {
    }

    /**
     * Previews a rule without source tags.
     *
     * @throws IllegalArgumentException when the rule has a {@code sourceTag} condition, which needs the sources' tags
     * @see #run(Properties, Topic, SourceTags, CompiledRule, Duration, int, Clock)
     */
    public static PreviewResult run(Properties kafkaProps, Topic<String, ClassifiedAnnouncement> classified,
                                    CompiledRule rule, Duration period, int limit) {
        if (rule.readsSourceTags()) {
            throw new IllegalArgumentException("the rule of " + rule.subscription().id()
                    + " has a sourceTag condition: preview it with the sources' tags");
        }
        return run(kafkaProps, classified, SourceTags.NONE, rule, period, limit, Clock.systemUTC());
    }

    /**
     * Previews a rule over the announcements written in the last {@code period}.
     *
     * @param kafkaProps the Kafka client settings (bootstrap servers, security)
     * @param classified the classified announcements topic
     * @param sourceTags the tags of each source, for {@code sourceTag} conditions
     * @param rule       the rule
     * @param period     how far back to read
     * @param limit      at most this many matches kept (the newest); the count of matches covers them all
     * @param clock      what "now" is
     */
    public static PreviewResult run(Properties kafkaProps, Topic<String, ClassifiedAnnouncement> classified,
                                    SourceTags sourceTags, CompiledRule rule, Duration period, int limit,
                                    Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Properties props = new Properties();
        props.putAll(kafkaProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Scan scan = new Scan(rule, sourceTags, limit);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(classified.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long from = clock.instant().minus(period).toEpochMilli();
            seekToPeriod(consumer, partitions, end, from);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && record.timestamp() >= from) {
                        scan.read(Decoded.of(classified, record.value()));
                    }
                }
            }
        }
        return scan.result();
    }

    private static void seekToPeriod(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                     Map<TopicPartition, Long> end, long from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp first = offsets.get(tp);
            consumer.seek(tp, first == null ? end.get(tp) : first.offset());
        }
    }

    /** The state of one preview: counts, stories matched, and the newest matches. */
    private static final class Scan {
        private final CompiledRule rule;
        private final SourceTags sourceTags;
        private final int limit;
        private final Set<String> stories = new HashSet<>();
        private final PriorityQueue<PreviewResult.Match> kept = new PriorityQueue<>(NEWEST_FIRST.reversed());
        private long scanned;
        private long skipped;

        Scan(CompiledRule rule, SourceTags sourceTags, int limit) {
            this.rule = rule;
            this.sourceTags = sourceTags;
            this.limit = limit;
        }

        void read(Decoded<ClassifiedAnnouncement> decoded) {
            if (decoded.invalid()) {
                skipped++;
                return;
            }
            ClassifiedAnnouncement a = decoded.value();
            if (a == null) {
                return;
            }
            scanned++;
            if (stories.contains(a.storyId())) {
                return;
            }
            Optional<List<MatchReason>> reasons = rule.evaluate(a, sourceTags);
            if (reasons.isPresent()) {
                stories.add(a.storyId());
                kept.add(new PreviewResult.Match(withoutText(a), reasons.get()));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }

        PreviewResult result() {
            List<PreviewResult.Match> matches = new ArrayList<>(kept);
            matches.sort(NEWEST_FIRST);
            return new PreviewResult(matches, stories.size(), scanned, skipped);
        }

        private static ClassifiedAnnouncement withoutText(ClassifiedAnnouncement a) {
            return new ClassifiedAnnouncement(a.id(), a.sourceId(), a.url(), a.title(), a.language(),
                    a.publishedAt(), a.fetchedAt(), a.classifiedAt(), "", a.actors(), a.countries(), a.themes(),
                    a.aiCooperation(), a.cooperation(), a.storyId(), List.of(), a.taxonomyVersion());
        }
    }
}
