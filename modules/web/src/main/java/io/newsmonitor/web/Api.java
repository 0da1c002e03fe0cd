package io.newsmonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.SinkQueries;
import io.newsmonitor.sink.SinkQueries.AnnouncementFilter;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API ({@code docs/api.md}): reads answered from the sink's state stores, those of every sink instance
 * unless {@code scope=local}; subscription changes written to the subscriptions topic; and the Atom feed of each
 * subscription.
 */
final class Api {

    static final String SCOPE = "scope";
    static final String LOCAL = "local";
    static final int DEFAULT_LIMIT = 50;
    /** The most windowed counts one aggregate request returns. */
    static final int AGGREGATE_LIMIT = 10_000;
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** The classified topic keeps 90 days. */
    static final Duration MAX_PERIOD = Duration.ofDays(90);
    private static final String ID = "id";
    private static final String LIMIT = "limit";
    private static final String SINCE = "since";
    private static final String ATOM = ".atom";

    static final FanOut.Merge<ClassifiedAnnouncement> ANNOUNCEMENTS = new FanOut.Merge<>(
            ClassifiedAnnouncement.class, Comparator.comparing(ClassifiedAnnouncement::publishedAt,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ClassifiedAnnouncement::id),
            ClassifiedAnnouncement::id);
    static final FanOut.Merge<Alert> ALERTS = new FanOut.Merge<>(Alert.class,
            Comparator.comparing(Alert::alertedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Alert::key), Alert::key);
    static final FanOut.Merge<AggregateCount> AGGREGATES = new FanOut.Merge<>(AggregateCount.class,
            Comparator.comparing(AggregateCount::windowStart, Comparator.reverseOrder()).thenComparing(AggregateCount::key)
                    .thenComparing(Comparator.comparingLong(AggregateCount::count).reversed()),
            AggregateCount::recordKey);
    static final FanOut.Merge<Trend> TRENDS = new FanOut.Merge<>(Trend.class,
            Comparator.comparingDouble(Trend::score).reversed().thenComparing(Trend::recordKey), Trend::recordKey);

    private final SinkQueries queries;
    private final FanOut fanOut;
    private final SubscriptionWriter writer;
    private final SubscriptionValidator validator;
    private final SubscriptionPreview preview;
    private final LiveTopics live;
    private final Clock clock;

    Api(SinkQueries queries, FanOut fanOut, SubscriptionWriter writer, SubscriptionValidator validator,
        SubscriptionPreview preview, LiveTopics live, Clock clock) {
        this.queries = queries;
        this.fanOut = fanOut;
        this.writer = writer;
        this.validator = validator;
        this.preview = preview;
        this.live = live;
        this.clock = clock;
    }

    /** Adds the API's routes. */
    void routes(Javalin http) {
        http.get("/api/announcements", this::announcements)
                .get("/api/alerts", this::alerts)
                .get("/api/aggregates/{name}", this::aggregate)
                .get("/api/trends", this::trends)
                .get("/api/subscriptions", this::subscriptions)
                .post("/api/subscriptions/preview", this::preview)
                .get("/api/subscriptions/{id}", this::subscription)
                .put("/api/subscriptions/{id}", this::put)
                .delete("/api/subscriptions/{id}", this::delete)
                .get("/api/delivery", ctx -> ctx.json(Listing.of(live.deliveryStates())))
                .get("/subscriptions/{file}", this::atom);
    }

    private Params params(Context ctx) {
        return new Params(ctx.queryParamMap(), clock);
    }

    private void announcements(Context ctx) {
        Params p = params(ctx);
        boolean local = p.local();
        AnnouncementFilter filter = new AnnouncementFilter(p.text("actor"), p.text("theme"), p.bool("aiCooperation"),
                p.text("q"), p.instant(SINCE, null), p.limit(LIMIT, DEFAULT_LIMIT));
        ctx.json(answer(ctx, local, queries.announcements(filter), ANNOUNCEMENTS, filter.limit()));
    }

    private void alerts(Context ctx) {
        Params p = params(ctx);
        boolean local = p.local();
        String subscription = p.text("subscription");
        if (subscription != null) {
            checkId("subscription", subscription);
        }
        int limit = p.limit(LIMIT, DEFAULT_LIMIT);
        ctx.json(answer(ctx, local, queries.alerts(subscription, p.instant(SINCE, null), limit), ALERTS, limit));
    }

    private void aggregate(Context ctx) {
        Params p = params(ctx);
        boolean local = p.local();
        String name = ctx.pathParam("name");
        if (!Topics.AGGREGATE_NAMES.contains(name)) {
            throw RequestRefused.badRequest("name", "no aggregate '" + name + "'; there are "
                    + String.join(", ", Topics.AGGREGATE_NAMES));
        }
        Instant to = p.instant("to", clock.instant());
        Instant from = p.instant("from", to.minus(DEFAULT_PERIOD));
        if (!from.isBefore(to)) {
            throw RequestRefused.badRequest("from", "must be before to (" + to + "), got " + from);
        }
        List<AggregateCount> counts = queries.aggregate(name, p.text("key"), from, to);
        ctx.json(answer(ctx, local, counts, AGGREGATES, AGGREGATE_LIMIT));
    }

    private void trends(Context ctx) {
        boolean local = params(ctx).local();
        ctx.json(answer(ctx, local, queries.trends(), TRENDS, Params.MAX_LIMIT));
    }

    private <T> Listing<T> answer(Context ctx, boolean local, List<T> mine, FanOut.Merge<T> merge, int limit) {
        if (local) {
            return Listing.of(merge.apply(List.of(mine), limit));
        }
        return fanOut.gather(mine, queries.peers(), ctx.path(), ctx.queryParamMap(), merge, limit);
    }

    private void subscriptions(Context ctx) {
        List<JsonNode> shown = queries.subscriptions().stream().sorted(Comparator.comparing(Subscription::id))
                .map(SubscriptionBodies::shown).toList();
        ctx.json(Listing.of(shown));
    }

    private void subscription(Context ctx) {
        ctx.json(SubscriptionBodies.shown(existing(ctx.pathParam(ID))));
    }

    private Subscription existing(String id) {
        checkId(ID, id);
        return queries.subscription(id)
                .orElseThrow(() -> RequestRefused.notFound(ID, "no subscription '" + id + "'"));
    }

    private void put(Context ctx) {
        String id = ctx.pathParam(ID);
        checkId(ID, id);
        Subscription subscription = SubscriptionBodies.read(ctx.bodyAsBytes(), id, queries.subscription(id));
        checkRules(subscription);
        writer.put(subscription);
        ctx.json(SubscriptionBodies.shown(subscription));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam(ID);
        checkId(ID, id);
        writer.delete(id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void preview(Context ctx) {
        Params p = params(ctx);
        Duration period = p.duration("period", DEFAULT_PERIOD, MAX_PERIOD);
        int limit = p.limit(LIMIT, DEFAULT_LIMIT);
        Subscription subscription = SubscriptionBodies.read(ctx.bodyAsBytes(), null, Optional.empty());
        checkRules(subscription);
        SubscriptionPreview.Result result = preview.preview(subscription, period, limit);
        List<SubscriptionPreview.Match> matches = result.matches().stream()
                .map(m -> new SubscriptionPreview.Match(Announcements.brief(m.announcement()), m.reasons())).toList();
        ctx.json(Map.of("period", period.toString(), "scanned", result.scanned(), "matches", matches));
    }

    private void checkRules(Subscription subscription) {
        List<String> problems = validator.problems(subscription);
        if (!problems.isEmpty()) {
            throw RequestRefused.invalid(problems);
        }
    }

    private void atom(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(ATOM)) {
            throw RequestRefused.notFound("path", "feeds are at /subscriptions/<id>.atom");
        }
        Subscription subscription = existing(file.substring(0, file.length() - ATOM.length()));
        Listing<Alert> alerts = fanOut.gather(queries.alerts(subscription.id(), null, DEFAULT_LIMIT),
                queries.peers(), "/api/alerts", Map.of("subscription", List.of(subscription.id())), ALERTS,
                DEFAULT_LIMIT);
        ctx.contentType(AtomFeed.CONTENT_TYPE)
                .result(AtomFeed.write(subscription, alerts.items(), ctx.fullUrl(), clock.instant()));
    }

    private static void checkId(String parameter, String id) {
        if (!Subscription.VALID_ID.matcher(id).matches()) {
            throw RequestRefused.badRequest(parameter, "'" + id + "' is not a subscription id (letters, digits, "
                    + "'.', '_' or '-')");
        }
    }
}
