package io.newsmonitor.poller.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsmonitor.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any record with the contract's JSON mapping, so that one transactional producer can write both the
 * announcements and the state records of a poll.
 */
public final class AnyJsonSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        try {
            return data == null ? null : Json.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " to " + topic, e);
        }
    }
}
