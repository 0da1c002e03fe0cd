package io.newsmonitor.web;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients of {@code GET /events} and what is sent to them. Each client has a bounded buffer of its own, written
 * by its own request thread: one slow client never delays the others, and a client whose buffer is full (it stopped
 * reading) is dropped rather than held in memory. A comment line goes to an idle client at every heartbeat, so that
 * proxies keep the connection and the browser sees it alive.
 */
final class LiveEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    /**
     * One event as the stream sends it.
     *
     * @param name the event name ({@code alert}, {@code announcement})
     * @param id   the event id (the alert id, the announcement id)
     * @param json the data, one line of JSON
     */
    record Event(String name, String id, String json) {
    }

    /** Most clients served at once; well under the request threads (Jetty's 250 by default). */
    static final int MAX_CLIENTS = 64;

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final int capacity;
    private final Duration heartbeat;
    private final Counter dropped;
    private volatile boolean closed;

    /**
     * @param capacity  events a client may be behind before it is dropped
     * @param heartbeat how long a client may stay idle before it is sent a comment
     */
    LiveEvents(int capacity, Duration heartbeat, MeterRegistry registry) {
        this.capacity = capacity;
        this.heartbeat = heartbeat;
        this.dropped = Counter.builder("newsmonitor.web.events.dropped.clients")
                .description("Live-event clients dropped because they fell too far behind").register(registry);
        registry.gaugeCollectionSize("newsmonitor.web.events.clients", Tags.empty(),
                listeners);
    }

    /** Sends an event to every client; a client too far behind is dropped. */
    void publish(Event event) {
        for (Listener listener : listeners) {
            if (!listener.queue.offer(event)) {
                drop(listener);
            }
        }
    }

    /**
     * Refuses a new client (503, worth retrying) when {@link #MAX_CLIENTS} are connected: each client holds one of
     * the server's request threads, so without a cap a few hundred idle connections would stall the API and the
     * dashboard, and make peers' answers partial.
     */
    void checkRoom(Context ctx) {
        if (listeners.size() >= MAX_CLIENTS) {
            throw new UnavailableException(MAX_CLIENTS + " live-event clients are connected, the most this server "
                    + "serves; " + ctx.ip() + " may retry later");
        }
    }

    /**
     * Serves one client until it goes away, is dropped or the server stops: the request thread writes its events
     * and heartbeats.
     */
    void serve(SseClient client) {
        Listener listener = new Listener(client.ctx().ip(), new ArrayBlockingQueue<>(capacity));
        listeners.add(listener);
        try {
            client.sendComment("connected");
            while (!closed && !listener.dropped && !client.terminated()) {
                Event event = listener.queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    client.sendComment("heartbeat");
                } else {
                    client.sendEvent(event.name(), event.json(), event.id());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listeners.remove(listener);
            client.close();
        }
    }

    private void drop(Listener listener) {
        if (listeners.remove(listener)) {
            listener.dropped = true;
            dropped.increment();
            LOG.warn("Live-events client {} dropped: {} events behind", listener.address, capacity);
        }
    }

    /** Ends every client's stream (within a heartbeat). */
    @Override
    public void close() {
        closed = true;
    }

    private static final class Listener {
        private final String address;
        private final BlockingQueue<Event> queue;
        private volatile boolean dropped;

        private Listener(String address, BlockingQueue<Event> queue) {
            this.address = address;
            this.queue = queue;
        }
    }
}
