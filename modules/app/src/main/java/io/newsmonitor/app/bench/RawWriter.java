package io.newsmonitor.app.bench;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.topics.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes announcements to a raw topic as a poller would (idempotent, acknowledged by all replicas), serialised
 * beforehand so that only the writing is timed: all at once (a burst) or at a fixed rate.
 */
final class RawWriter {

    private final Map<String, Object> props;

    RawWriter(KafkaConfig kafka) {
        props = new HashMap<>(kafka.commonProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }

    /** The records of {@code announcements} for {@code topic}, serialised. */
    static List<ProducerRecord<String, byte[]>> serialised(Topic<String, Announcement> topic,
                                                           List<Announcement> announcements) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(announcements.size());
        for (Announcement a : announcements) {
            records.add(new ProducerRecord<>(topic.name(), a.id(),
                    topic.valueSerde().serializer().serialize(topic.name(), a)));
        }
        return records;
    }

    /** Writes every record as fast as the producer takes them and waits for the acknowledgements. */
    void burst(List<ProducerRecord<String, byte[]>> records) {
        paced(records, 0);
    }

    /**
     * Writes the records at {@code perSecond} (0: as fast as possible), each at its due time from the start, waits
     * for the acknowledgements and returns the time each was appended, as the broker stamped it (the raw topic
     * stamps records with {@code LogAppendTime}).
     */
    long[] paced(List<ProducerRecord<String, byte[]>> records, int perSecond) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            long start = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                if (perSecond > 0) {
                    long due = start + i * 1_000_000_000L / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                sent.add(producer.send(records.get(i)));
                if (perSecond > 0) {
                    producer.flush();
                }
            }
            long[] appended = new long[sent.size()];
            for (int i = 0; i < appended.length; i++) {
                appended[i] = sent.get(i).get().timestamp();
            }
            return appended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing announcements", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write announcements: " + e.getCause(), e.getCause());
        }
    }
}
