package org.ccnsobot.features.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;
import org.ccnsobot.domain.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events as JSON, for the reminders' record of the version they last acted on. */
final class EventSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(EventSnapshots.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventSnapshots() {
    }

    static String write(Event e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a snapshot of event " + e.id(), ex);
        }
    }

    /** A change, kept in a notice's ledger row so its words can be computed at send time, in the reader's zone. */
    record Change(Event before, Event after) {
    }

    static String write(Change c) {
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a change of event " + c.after().id(), ex);
        }
    }

    /** The changes of one write, told in one message per destination; {@code before} is null for an added event. */
    record Changes(java.util.List<Change> changes) {
        Changes {
            changes = java.util.List.copyOf(changes);
        }
    }

    static String write(Changes c) {
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write " + c.changes().size() + " change(s)", ex);
        }
    }

    static Optional<Changes> readChanges(String json) {
        try {
            return Optional.of(JSON.readValue(json, Changes.class));
        } catch (JsonProcessingException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    static Optional<Change> readChange(String json) {
        try {
            return Optional.of(JSON.readValue(json, Change.class));
        } catch (JsonProcessingException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The event, or empty when the snapshot cannot be read (it is then replaced without a notice). */
    static Optional<Event> read(String json) {
        try {
            return Optional.of(JSON.readValue(json, Event.class));
        } catch (JsonProcessingException | RuntimeException ex) {
            LOG.warn("An unreadable event snapshot is replaced: {}", ex.getMessage());
            return Optional.empty();
        }
    }
}
