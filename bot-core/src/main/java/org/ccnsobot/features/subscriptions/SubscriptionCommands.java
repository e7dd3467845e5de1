package org.ccnsobot.features.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.features.subscriptions.Subscriptions.Topic;

/** subscribe, unsubscribe and subscriptions: members choose which reminders reach them by DM. Replies are personal. */
public final class SubscriptionCommands {
    private final CalendarService calendar;
    private final Subscriptions subscriptions;
    private final org.ccnsobot.outbox.Outbox service;

    /** {@code service}: the outbox, for the {@code reminders} command (it reports only where it sends). */
    public SubscriptionCommands(CalendarService calendar, Subscriptions subscriptions,
                                org.ccnsobot.outbox.Outbox service) {
        this.calendar = calendar;
        this.subscriptions = subscriptions;
        this.service = service;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("subscribe", List.of("sub"),
                        "Get reminders by DM: of all events, a committee's, or one event's",
                        List.of(OptionSpec.requiredRest("topic", OptionKind.TEXT, "all, a committee, or an event id")),
                        List.of("subscribe all", "subscribe council", "subscribe council-202"), false, true,
                        (c, a) -> subscribe(c, a.requireText("topic"))),
                new CommandSpec("unsubscribe", List.of("unsub"),
                        "Stop reminders: of all events, a committee, an event, or everything at once",
                        List.of(OptionSpec.requiredRest("topic", OptionKind.TEXT,
                                "all, a committee, an event id, or everything")),
                        List.of("unsubscribe council", "unsubscribe everything"), false, true,
                        (c, a) -> unsubscribe(c, a.requireText("topic"))),
                new CommandSpec("subscriptions", List.of("subs"), "What you get reminders of", List.of(),
                        List.of("subscriptions"), false, true, (c, a) -> list(c)),
                new CommandSpec("reminders", List.of(), "The reminder ledger: counts, next due, recent failures",
                        List.of(), List.of("reminders"), true, true, (c, a) -> Result.personalText(service.running()
                        ? service.statusText(c.locale()) : c.text("reminders.notRunning"))));
    }

    private Result subscribe(CommandContext c, String typed) throws CommandException {
        Topic topic = resolve(typed, c.now(), false, c.locale());
        boolean added = subscriptions.subscribe(c.platform(), c.userId(), topic, c.now());
        String undo = topic.kind() == Subscriptions.Kind.ALL ? "unsubscribe all" : "unsubscribe " + topic.value();
        String label = topic.label(c.locale());
        return Result.personalText(c.text(added ? "sub.added" : "sub.already", label, undo));
    }

    private Result unsubscribe(CommandContext c, String typed) throws CommandException {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (t.equals("everything") || t.equals("*")) {
            int n = subscriptions.unsubscribeEverything(c.platform(), c.userId());
            // the count goes in as text too, so a large one is not grouped ("1,000") in any language
            return Result.personalText(n == 0 ? c.text("unsub.everything.none")
                    : c.text("unsub.everything", n, String.valueOf(n)));
        }
        Topic topic = resolve(typed, c.now(), true, c.locale());
        if (subscriptions.unsubscribe(c.platform(), c.userId(), topic)) {
            return Result.personalText(c.text("unsub.done", topic.label(c.locale())));
        }
        List<Topic> mine = subscriptions.of(c.platform(), c.userId());
        return Result.personalText(mine.isEmpty() ? c.text("unsub.notSubscribed.none", topic.label(c.locale()))
                : c.text("unsub.notSubscribed", topic.label(c.locale()), labels(mine, c.locale())));
    }

    private Result list(CommandContext c) {
        List<Topic> mine = subscriptions.of(c.platform(), c.userId());
        if (mine.isEmpty()) {
            return Result.personalText(c.text("subs.none"));
        }
        return Result.personalText(c.text("subs.list", labels(mine, c.locale())));
    }

    private static String labels(List<Topic> topics, Locale locale) {
        return String.join(", ", topics.stream().map(t -> t.label(locale)).toList());
    }

    /**
     * all, an event id, or a committee (acronym, alias or name, typos tolerated). Event ids win over committees, so
     * "council-202" is the meeting and "council" the committee.
     */
    private Topic resolve(String typed, Instant now, boolean unsubscribing, Locale l) throws CommandException {
        String v = typed.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("all") || !unsubscribing && lower.equals("everything")) {
            return Topic.ALL;
        }
        Optional<Event> event = calendar.event(v);
        if (event.isPresent()) {
            Event e = event.get();
            if (!unsubscribing && e.status() == EventStatus.CANCELLED) {
                throw new CommandException(Messages.t(l, "sub.cancelled", e.id(), Text.shorten(e.title(l), 60)));
            }
            if (!unsubscribing && !e.endKey().isAfter(now)) {
                throw new CommandException(Messages.t(l, "sub.over", e.id(), Text.shorten(e.title(l), 60)));
            }
            return Topic.event(e.id());
        }
        Optional<Committee> committee = calendar.committee(v);
        if (committee.isPresent()) {
            return Topic.committee(committee.get().acronym());
        }
        List<String> close = new ArrayList<>(calendar.closestCommittees(v, 3));
        List<String> ids = calendar.store().allEvents().stream().map(Event::id).toList();
        for (String id : Text.closest(v, ids, 3)) {
            if (close.size() < 5 && !close.contains(id)) {
                close.add(id);
            }
        }
        throw new CommandException(close.isEmpty() ? Messages.t(l, "sub.unknown", Text.shorten(v, 40))
                : Messages.t(l, "sub.unknown.close", Text.shorten(v, 40), String.join(", ", close)));
    }
}
