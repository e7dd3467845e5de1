package org.ccnsobot.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.support.Truncation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors calendar events as the guild's scheduled events (external type). The link between a calendar event
 * and its Discord twin is kept in memory and, so it survives a restart, as a marker at the end of the Discord
 * event's description; the first call after start rebuilds the map from the guild's list.
 */
final class ScheduledEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEvents.class);
    static final int NAME_MAX = ScheduledEvent.MAX_NAME_LENGTH;
    static final int LOCATION_MAX = ScheduledEvent.MAX_LOCATION_LENGTH;
    static final int DESCRIPTION_MAX = ScheduledEvent.MAX_DESCRIPTION_LENGTH;
    private static final Pattern MARKER = Pattern.compile("\\[ccnso-bot event:([^\\]\\s]+)]\\s*$");

    private final Supplier<Guild> guild;
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> queue = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Void> recovered;
    /** Events in the server's list that are not the bot's (staff made them by hand); they share the cap. */
    private volatile int others;
    /** Discord lists at most this many scheduled events per server. */
    static final int SERVER_CAP = 100;

    ScheduledEvents(Supplier<Guild> guild) {
        this.guild = guild;
    }

    static String marker(String eventId) {
        return "[ccnso-bot event:" + eventId + "]";
    }

    private synchronized CompletableFuture<Void> recovered() {
        if (recovered == null || recovered.isCompletedExceptionally()) {
            recovered = guild.get().retrieveScheduledEvents().submit().thenAccept(list -> {
                int theirs = 0;
                for (ScheduledEvent e : list) {
                    String calendarId = calendarId(e.getDescription());
                    if (calendarId != null) {
                        ids.putIfAbsent(calendarId, e.getId());
                    } else if (e.getStatus() == ScheduledEvent.Status.SCHEDULED
                            || e.getStatus() == ScheduledEvent.Status.ACTIVE) {
                        theirs++;
                    }
                }
                others = theirs;
                LOG.debug("recovered {} mirrored scheduled events", ids.size());
            });
        }
        return recovered;
    }

    /** The calendar id a mirrored event's description carries at its end, or null for an event not the bot's. */
    static String calendarId(String description) {
        Matcher m = description == null ? null : MARKER.matcher(description);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** The calendar ids of the events the bot lists in the server now. */
    CompletableFuture<java.util.Set<String>> mirrored() {
        return recovered().thenApply(v -> java.util.Set.copyOf(ids.keySet()));
    }

    /** Room left for the bot's events under the server's cap, once {@link #mirrored()} has read the list. */
    int capacity() {
        return Math.max(0, SERVER_CAP - others);
    }

    CompletableFuture<String> upsert(Block.EventCard card) {
        return upsert(card, Labels.ENGLISH);
    }

    /** As above, the lines the adapter adds ("Committees: …") in {@code labels}' language. */
    CompletableFuture<String> upsert(Block.EventCard card, Labels labels) {
        return serially(card.eventId(), () -> doUpsert(card, labels));
    }

    CompletableFuture<Void> remove(String eventId) {
        return serially(eventId, () -> doRemove(eventId));
    }

    /**
     * Runs the operations on one event one after another, so that two quick edits cannot both see "not mirrored
     * yet" and create two Discord events.
     */
    private <T> CompletableFuture<T> serially(String eventId, Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = queue.put(eventId, result);
        (previous == null ? CompletableFuture.completedFuture(null) : previous)
                .handle((v, e) -> null)
                .thenCompose(v -> operation.get())
                .whenComplete((v, e) -> {
                    queue.remove(eventId, result);
                    if (e == null) {
                        result.complete(v);
                    } else {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    private CompletableFuture<String> doUpsert(Block.EventCard card, Labels labels) {
        if ("cancelled".equalsIgnoreCase(card.status())) {
            return doRemove(card.eventId()).thenApply(v -> null);
        }
        Shape shape = Shape.of(card, labels);
        // Discord (and JDA before it) refuses to create or move an event into the past by the real clock, not
        // the bot's injected one, so that is the clock asked here.
        if (!shape.start().toInstant().isAfter(Instant.now())) {
            return CompletableFuture.failedFuture(new PlatformException("event " + card.eventId()
                    + " has already started; Discord's event list holds only future events", false));
        }
        return recovered().thenCompose(v -> {
            String existing = ids.get(card.eventId());
            if (existing == null) {
                return create(card.eventId(), shape);
            }
            return update(existing, shape).exceptionallyCompose(e -> Failures.is(e, ErrorResponse.UNKNOWN_SCHEDULED_EVENT)
                    ? create(card.eventId(), shape) : CompletableFuture.failedFuture(e));
        });
    }

    private CompletableFuture<Void> doRemove(String eventId) {
        return recovered().thenCompose(v -> {
            String existing = ids.get(eventId);
            if (existing == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            return guild.get().retrieveScheduledEventById(existing).submit()
                    .thenCompose(e -> e.delete().reason(reason(eventId)).submit())
                    .exceptionallyCompose(e -> Failures.is(e, ErrorResponse.UNKNOWN_SCHEDULED_EVENT)
                            ? CompletableFuture.<Void>completedFuture(null) : CompletableFuture.failedFuture(e))
                    .thenRun(() -> ids.remove(eventId, existing));
        });
    }

    private CompletableFuture<String> create(String eventId, Shape s) {
        return guild.get().createScheduledEvent(s.name(), s.location(), s.start(), s.end())
                .setDescription(s.description())
                .reason(reason(eventId))
                .submit()
                .thenApply(e -> {
                    ids.put(eventId, e.getId());
                    return e.getId();
                });
    }

    private CompletableFuture<String> update(String id, Shape s) {
        return guild.get().retrieveScheduledEventById(id).submit()
                .thenCompose(e -> e.getManager()
                        .setName(s.name())
                        .setDescription(s.description())
                        .setLocation(s.location())
                        .setStartTime(s.start())
                        .setEndTime(s.end())
                        .reason("ccnso-bot: the calendar's event changed")
                        .submit())
                .thenApply(v -> id);
    }

    /** The X-Audit-Log-Reason of every write, so the server's audit log says why the bot touched an event. */
    static String reason(String eventId) {
        return org.ccnsobot.port.support.Truncation.cut("ccnso-bot: mirrors calendar event " + eventId, 512);
    }

    /** What Discord is told about one event, cut to its limits. */
    record Shape(String name, String location, OffsetDateTime start, OffsetDateTime end, String description) {

        static Shape of(Block.EventCard c) {
            return of(c, Labels.ENGLISH);
        }

        static Shape of(Block.EventCard c, Labels labels) {
            OffsetDateTime start;
            OffsetDateTime end;
            if (c.dateOnly()) {
                // The time is not announced yet: the whole day at the venue, which Discord shows as such.
                start = c.date().atStartOfDay(c.venueZone()).toOffsetDateTime();
                end = (c.multiDay() ? c.lastDay() : c.date()).plusDays(1).atStartOfDay(c.venueZone())
                        .toOffsetDateTime();
            } else {
                start = OffsetDateTime.ofInstant(c.start(), ZoneOffset.UTC);
                end = OffsetDateTime.ofInstant(c.end() != null && c.end().isAfter(c.start()) ? c.end()
                        : c.start().plusSeconds(3600), ZoneOffset.UTC);
            }
            StringBuilder where = new StringBuilder();
            if (c.place() != null && !c.place().isBlank()) {
                where.append(c.place().strip());
            }
            if (c.room() != null && !c.room().isBlank()) {
                where.append(where.length() == 0 ? "" : ", ").append(c.room().strip());
            }
            String location = where.length() == 0 ? labels.text("discord.event.online", "Online")
                    : Truncation.cut(where.toString(), LOCATION_MAX);
            String marker = marker(c.eventId());
            StringBuilder text = new StringBuilder();
            if (c.description() != null && !c.description().isBlank()) {
                text.append(c.description().strip());
            }
            if (!c.committees().isEmpty()) {
                text.append(text.length() == 0 ? "" : "\n").append(labels.text("discord.event.committees",
                        "Committees: {0}", String.join(", ", c.committees())));
            }
            if (c.access() != null && !c.access().isBlank()) {
                // core's words for open and closed, as its own event text uses them; any other value as given
                String access = c.access().toLowerCase(Locale.ROOT);
                text.append(text.length() == 0 ? "" : "\n").append(labels.text("discord.event.access", "Access: {0}",
                        access.equals("open") || access.equals("closed")
                                ? labels.text("access." + access, access) : c.access()));
            }
            if (c.dateOnly()) {
                text.append(text.length() == 0 ? "" : "\n").append(labels.text("discord.event.tba",
                        "Time to be announced."));
            }
            String body = Truncation.cut(Escaper.text(text.toString()), DESCRIPTION_MAX - marker.length() - 2);
            String description = body.isEmpty() ? marker : body + "\n\n" + marker;
            return new Shape(Truncation.cut(c.title().strip(), NAME_MAX), location, start, end, description);
        }
    }
}
