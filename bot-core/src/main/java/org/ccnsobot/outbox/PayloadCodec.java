package org.ccnsobot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** How a kind's payload is kept in the outbox's {@code payload} column (JSON text). */
public interface PayloadCodec<P> {

    String write(P payload);

    /** The payload; throws (an {@link IllegalArgumentException}) when the text cannot be read. */
    P read(String json);

    /** A record (or any Jackson-readable type) as JSON; unknown properties are ignored when read. */
    static <P> PayloadCodec<P> json(Class<P> type) {
        return new JsonCodec<>(type);
    }

    /** For kinds whose jobs carry nothing beyond subject, part and destination. */
    static PayloadCodec<NoPayload> none() {
        return new PayloadCodec<>() {
            @Override
            public String write(NoPayload payload) {
                return "{}";
            }

            @Override
            public NoPayload read(String json) {
                return NoPayload.INSTANCE;
            }
        };
    }

    /** The payload of kinds that need none. */
    enum NoPayload {
        INSTANCE
    }
}

/** The shared JSON mapper (java.time as ISO text). */
final class JsonCodec<P> implements PayloadCodec<P> {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Class<P> type;

    JsonCodec(Class<P> type) {
        this.type = type;
    }

    @Override
    public String write(P payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + type.getSimpleName() + " payload", e);
        }
    }

    @Override
    public P read(String json) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read a " + type.getSimpleName() + " payload: " + e.getMessage(), e);
        }
    }
}
