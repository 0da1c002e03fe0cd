package io.newsmonitor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmonitor tail TOPIC}: prints a topic's records as JSON lines, one per record, for people and scripts:
 * {@code {"topic":..,"partition":..,"offset":..,"timestamp":..,"key":..,"value":{...}}}.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print a topic's committed records as JSON lines.",
                "TOPIC is a full name (newsmonitor.alerts) or one without the prefix (alerts)."})
final class TailCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "TOPIC", description = "The topic")
    String topic;

    @Option(names = "--from-end", description = "Only records written from now on (default: from the beginning)")
    boolean fromEnd;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records")
    Long max;

    @Option(names = "--no-follow", description = "Stop at the end of the topic instead of waiting for new records")
    boolean noFollow;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig config = kafka.load();
        String prefix = config.kafka().topicPrefix() + ".";
        String name = topic.startsWith(prefix) ? topic : prefix + topic;
        Map<String, Object> props = config.kafka().commonProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsmonitor-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        PrintWriter out = spec.commandLine().getOut();
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(name, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                spec.commandLine().getErr().println("newsmonitor: no topic " + name);
                return 2;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            if (fromEnd) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (max == null || printed < max) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    out.println(line(record));
                    printed++;
                    if (max != null && printed >= max) {
                        break;
                    }
                }
                out.flush();
                if (noFollow && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    break;
                }
            }
        }
        return 0;
    }

    private static String line(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", record.timestamp());
        node.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        node.set("value", value(record.value()));
        return node.toString();
    }

    private static JsonNode value(byte[] bytes) {
        if (bytes == null) {
            return Json.mapper().nullNode();
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
