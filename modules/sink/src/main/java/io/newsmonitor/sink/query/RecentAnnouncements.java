package io.newsmonitor.sink.query;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.sink.alerts.AnnouncementSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the recent classified announcements this instance reads, for the API: slim copies (text cut to about
 * {@value #TEXT_CHARS} characters, only the evidence inside that text) in the store {@value #STORE}, keyed
 * {@code <event time, 19 digits>/<announcement id>} so that the newest come first in reverse key order. They expire
 * by event time (publication time, see {@code PublicationTimeExtractor}): once the stream has moved
 * {@code retention} past an announcement, it is deleted, and an announcement older than that is not kept.
 */
public final class RecentAnnouncements implements Processor<String, ClassifiedAnnouncement, Void, Void> {

    /** The store's name. */
    public static final String STORE = "recent-announcements";
    /** About how many characters of an announcement's text are kept. */
    static final int TEXT_CHARS = 600;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final String ELLIPSIS = "…";

    private final Duration retention;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, ClassifiedAnnouncement> store;

    /** @param retention how long, in event time, an announcement is kept */
    public RecentAnnouncements(Duration retention) {
        this.retention = retention;
    }

    /** The store this processor fills. */
    public static StoreBuilder<KeyValueStore<String, ClassifiedAnnouncement>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                AnnouncementSerde.serde(JsonSerde.of(ClassifiedAnnouncement.class)));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, ClassifiedAnnouncement> record) {
        if (record.timestamp() >= horizon(context.currentStreamTimeMs())) {
            ClassifiedAnnouncement a = record.value();
            store.put(key(record.timestamp(), a.id()), slim(a));
        }
    }

    /** The key of an announcement of this event time. */
    static String key(long eventTime, String id) {
        return TimeKeys.of(eventTime) + "/" + id;
    }

    /**
     * The announcement with its text cut at the last space before {@value #TEXT_CHARS} characters (marked with an
     * ellipsis) and only the evidence that lies inside the text kept, so its offsets still point at its terms.
     */
    static ClassifiedAnnouncement slim(ClassifiedAnnouncement a) {
        String text = a.text() == null ? "" : a.text();
        if (text.length() > TEXT_CHARS) {
            int space = text.lastIndexOf(' ', TEXT_CHARS);
            text = text.substring(0, space > TEXT_CHARS / 2 ? space : TEXT_CHARS) + ELLIPSIS;
        }
        int kept = text.length();
        List<Evidence> evidence = a.evidence().stream().filter(e -> e.end() <= kept).toList();
        return new ClassifiedAnnouncement(a.id(), a.sourceId(), a.url(), a.title(), a.language(), a.publishedAt(),
                a.fetchedAt(), a.classifiedAt(), text, a.actors(), a.countries(), a.themes(), a.aiCooperation(),
                a.cooperation(), a.storyId(), evidence, a.taxonomyVersion());
    }

    private long horizon(long streamTime) {
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - retention.toMillis();
    }

    /** Deletes what the stream has moved past: a range at the start of the key order. */
    private void purge(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ClassifiedAnnouncement> old = store.range(null,
                TimeKeys.of(horizon(streamTime)))) {
            old.forEachRemaining(entry -> expired.add(entry.key));
        }
        expired.forEach(store::delete);
    }
}
