package io.newsmonitor.app.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.streams.StreamsProperties;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.streams.StreamsTopics;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * Kafka's ceiling on this machine, for the headline ratio: a Streams topology that reads the raw topic and writes each
 * announcement unchanged to a copy topic, with the same serdes (the contract's JSON, read and written), guarantee
 * ({@code exactly_once_v2}) and partitions as the processor.
 */
final class PassThrough {

    private PassThrough() {
    }

    /** The copy topic of {@code topics}: the raw topic's contract under another name. */
    static Topic<String, Announcement> copy(Topics topics) {
        Topic<String, Announcement> raw = topics.raw();
        return new Topic<>(raw.name() + ".copy", raw.keySerde(), raw.valueSerde(), raw.partitions(),
                raw.replicationFactor(), false, null);
    }

    static Topology topology(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.raw().name(), StreamsTopics.consumed(topics.raw()))
                .to(copy(topics).name(), StreamsTopics.produced(copy(topics)));
        return builder.build();
    }

    /** Runs the copy with the processor's commit interval, as the first stage of the full path runs. */
    static RoleHandle start(String run, KafkaConfig kafka, Duration commitInterval, Path stateDir,
                            MeterRegistry registry, Fatal fatal) {
        Topics topics = kafka.topics();
        return StreamsRole.start("pass-through", topology(topics), StreamsProperties.exactlyOnce(run + "-pass-through",
                1, stateDir.toString(), commitInterval, kafka, topics.deadLetter().name()), registry, fatal);
    }
}
