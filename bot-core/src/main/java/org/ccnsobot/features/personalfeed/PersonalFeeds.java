package org.ccnsobot.features.personalfeed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.ical.Alarm;
import org.ccnsobot.features.ical.FeedServer;
import org.ccnsobot.features.ical.Feeds;
import org.ccnsobot.features.reminders.ReminderPolicy;
import org.ccnsobot.features.subscriptions.Subscriptions;
import org.ccnsobot.features.subscriptions.Subscriptions.Topic;
import org.ccnsobot.i18n.Messages;

/**
 * What a member's personal feed holds: the events they would get reminders of (all events, a followed committee's,
 * or one event's, as {@link Subscriptions#subscribersOf} decides for the reminders), each with a VALARM at each of the
 * offsets its reminders use ({@link ReminderPolicy}: the event's own, its kind's, else the config's defaults; a
 * date-only event's morning reminder as a moment). Members cannot set offsets of their own, so these are theirs.
 * Cancelled events stay in the feed (STATUS:CANCELLED removes them from calendar apps) without alarms.
 */
public final class PersonalFeeds implements FeedServer.Personal {
    /** The language a member reads the bot in, for the feed's name. */
    @FunctionalInterface
    public interface Languages {
        Locale of(String platform, String userId);
    }

    private final FeedTokens tokens;
    private final Subscriptions subscriptions;
    private final CalendarService calendar;
    private final ReminderPolicy policy;
    private final Languages languages;
    private final Feeds feeds;

    public PersonalFeeds(FeedTokens tokens, Subscriptions subscriptions, CalendarService calendar,
                         ReminderPolicy policy, Languages languages) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.calendar = calendar;
        this.policy = policy;
        this.languages = languages;
        this.feeds = new Feeds(calendar);
    }

    /** The feed a token opens; empty for a token that is not (or no longer) live. The token is never logged. */
    @Override
    public Optional<Feeds.Selection> open(String token) {
        return tokens.owner(token).map(this::of);
    }

    /** The member's feed. */
    Feeds.Selection of(FeedTokens.Owner owner) {
        Locale reader = languages.of(owner.platform(), owner.userId());
        // one member's feed: its titles in their language, as its name is (the shared feeds stay English)
        List<Event> events = subscribed(owner.platform(), owner.userId()).stream().map(e -> e.titledIn(reader))
                .toList();
        Map<String, List<Alarm>> alarms = new LinkedHashMap<>();
        for (Event e : events) {
            List<Alarm> mine = new ArrayList<>();
            for (ReminderPolicy.Slot slot : policy.plan(e, calendar.reminderOffsets(e.id()))) {
                mine.add(e.dateOnly() ? new Alarm.At(slot.due()) : new Alarm.Before(Duration.parse(slot.offsetKey())));
            }
            if (!mine.isEmpty()) {
                alarms.put(e.id(), mine);
            }
        }
        String name = Messages.t(reader, "feed.calendarName");
        return feeds.of(name, events, alarms);
    }

    /** The events the member's subscriptions take in, by the reminders' rule. */
    List<Event> subscribed(String platform, String userId) {
        List<Topic> topics = subscriptions.of(platform, userId);
        if (topics.isEmpty()) {
            return List.of();
        }
        boolean all = false;
        Set<String> ids = new HashSet<>();
        Set<String> committees = new HashSet<>();
        for (Topic t : topics) {
            switch (t.kind()) {
                case ALL -> all = true;
                case EVENT -> ids.add(t.value());
                case COMMITTEE -> committees.add(t.value());
            }
        }
        List<Event> out = new ArrayList<>();
        for (Event e : calendar.store().allEvents()) {
            if (all || ids.contains(e.id()) || e.committees().stream().anyMatch(committees::contains)) {
                out.add(e);
            }
        }
        return out;
    }
}
