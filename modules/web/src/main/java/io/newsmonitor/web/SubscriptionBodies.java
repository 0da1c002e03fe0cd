package io.newsmonitor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.config.Durations;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.InvalidFieldException;
import io.newsmonitor.model.Subscription;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Subscriptions as the API reads and shows them. A webhook's secret is never shown: the API shows
 * {@code hasSecret} instead, and a {@code PUT} whose webhook has no {@code secret} field keeps the stored one (so a
 * page can edit a subscription it was shown without knowing the secret); {@code "secret": ""} removes it.
 */
final class SubscriptionBodies {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final String WEBHOOK = "webhook";
    private static final String SECRET = "secret";
    private static final String BACKFILL = "backfill";

    private SubscriptionBodies() {
    }

    /** The subscription as the API shows it: the webhook's secret replaced by {@code hasSecret}. */
    static JsonNode shown(Subscription subscription) {
        ObjectNode node = MAPPER.valueToTree(subscription);
        if (node.get(WEBHOOK) instanceof ObjectNode webhook) {
            webhook.remove(SECRET);
            webhook.put("hasSecret", !subscription.webhook().secret().isEmpty());
        }
        return node;
    }

    /**
     * Reads a request body into a subscription.
     *
     * @param body     the request body
     * @param pathId   the id in the path ({@code PUT /api/subscriptions/{id}}), or {@code null} (preview)
     * @param existing the subscription stored under that id, whose webhook secret is kept when the body gives none
     * @throws RequestRefused naming the field at fault
     */
    static Subscription read(byte[] body, String pathId, Optional<Subscription> existing) {
        ObjectNode node = object(body);
        if (pathId != null) {
            JsonNode id = node.get("id");
            if (id != null && !id.isNull() && !id.asText().equals(pathId)) {
                throw RequestRefused.badRequest("id", "'" + id.asText() + "' differs from the id in the path '"
                        + pathId + "'");
            }
            node.put("id", pathId);
        } else if (!node.hasNonNull("id")) {
            node.put("id", "preview");
        }
        keepSecret(node, existing);
        readBackfill(node);
        try {
            return MAPPER.treeToValue(node, Subscription.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refusal(e);
        }
    }

    private static ObjectNode object(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw RequestRefused.badRequest("body", "not JSON: " + firstLine(e.getMessage()));
        }
        throw RequestRefused.badRequest("body", "must be a JSON object (a subscription)");
    }

    private static void keepSecret(ObjectNode node, Optional<Subscription> existing) {
        if (node.get(WEBHOOK) instanceof ObjectNode webhook && !webhook.has(SECRET)) {
            webhook.remove("hasSecret");
            existing.map(Subscription::webhook)
                    .filter(stored -> stored.url().equals(webhook.path("url").asText()))
                    .ifPresent(stored -> webhook.put(SECRET, stored.secret()));
        }
    }

    /** {@code backfill} may be written {@code 7d} as in the YAML file, besides ISO-8601. */
    private static void readBackfill(ObjectNode node) {
        JsonNode backfill = node.get(BACKFILL);
        if (backfill != null && backfill.isTextual()) {
            try {
                node.put(BACKFILL, Durations.parse(backfill.asText()).toString());
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest(BACKFILL, e.getMessage());
            }
        }
    }

    private static RequestRefused refusal(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                return RequestRefused.badRequest(invalid.field(), invalid.problem());
            }
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return RequestRefused.badRequest(field, firstLine(mapping.getOriginalMessage()));
        }
        return RequestRefused.badRequest("body", firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
