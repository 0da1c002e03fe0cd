package io.newsmonitor.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of every list the API returns: the items, and whether some sink instance could not answer (then the items
 * are those of the instances that did, and {@code unreachable} says which did not and why).
 *
 * @param items       the items, merged, sorted and limited
 * @param unreachable one line per instance that did not answer: {@code host:port: reason}
 * @param <T>         the item type
 */
public record Listing<T>(List<T> items, List<String> unreachable) {

    public Listing {
        items = List.copyOf(items);
        unreachable = List.copyOf(unreachable);
    }

    /** A complete listing. */
    public static <T> Listing<T> of(List<T> items) {
        return new Listing<>(items, List.of());
    }

    /** {@code true} when an instance did not answer: the items are not all there are. */
    @JsonProperty("partial")
    public boolean partial() {
        return !unreachable.isEmpty();
    }
}
