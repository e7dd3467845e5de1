package org.ccnsobot.features.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.kernel.Dates;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.kernel.Executor;

/** The calendar views members ask for: next, today, week, schedule and one event. */
public final class CalendarCommands {
    private final CalendarService calendar;
    private final Views views;
    private final Executor.Questions questions;

    /** {@code questions} answers "next" with words that name no committee ("next council meeting"). */
    public CalendarCommands(CalendarService calendar, Views views, Executor.Questions questions) {
        this.calendar = calendar;
        this.views = views;
        this.questions = questions;
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("next", List.of("upcoming"), "The next event, or the next one of a committee or topic",
                List.of(OptionSpec.optionalRest("filter", OptionKind.TEXT, "A committee, meeting or words to look for")),
                List.of("next", "next grc", "next council meeting"), false, false, (c, a) -> next(c, a.text("filter"))));
        specs.add(new CommandSpec("today", List.of(), "What is on today, in your time zone", List.of(),
                List.of("today"), false, false, (c, a) -> {
                    LocalDate today = LocalDate.ofInstant(c.now(), c.zone());
                    return views.list(c.text("today.title", TimeFormat.day(today, c.locale())),
                            views.onDay(today, c.zone()), c.shown(), c.text("today.none"), c.locale());
                }));
        specs.add(new CommandSpec("week", List.of(), "What is on in the next seven days", List.of(), List.of("week"),
                false, false, (c, a) -> {
                    LocalDate today = LocalDate.ofInstant(c.now(), c.zone());
                    return views.list(c.text("week.title", TimeFormat.day(today, c.locale()),
                                    TimeFormat.day(today.plusDays(6), c.locale())),
                            views.inDays(today, today.plusDays(7), c.zone()), c.shown(), c.text("week.none"),
                            c.locale());
                }));
        specs.add(new CommandSpec("schedule", List.of("agenda"), "The schedule of a meeting, a day or a committee",
                List.of(OptionSpec.requiredRest("what", OptionKind.TEXT, "A meeting (ICANN79), a day (5 March) or a committee")),
                List.of("schedule ICANN79", "schedule 5 March", "schedule IGLC"), false, false,
                (c, a) -> schedule(c, a.requireText("what"))));
        specs.add(new CommandSpec("event", List.of(), "All about one event, by its id",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id, shown in brackets in lists")),
                List.of("event council-202"), false, false, (c, a) -> event(c, a.requireText("id"))));
        return specs;
    }

    private Result next(CommandContext c, Optional<String> filter) throws CommandException {
        if (filter.isEmpty() || filter.get().isBlank()) {
            List<Event> up = calendar.ahead(c.now(), 5);
            if (up.isEmpty()) {
                return views.nothingUpcoming(c.now(), c.zone(), c.staff(), c.locale());
            }
            Result first = views.event(up.get(0), c.shown(), c.now(), c.text("next.lead"), c.locale());
            if (up.size() == 1) {
                return first;
            }
            var m = views.messages();
            StringBuilder sb = new StringBuilder(first.message().fallbackText()).append('\n')
                    .append(c.text("next.after"));
            List<Block> blocks = new ArrayList<>(first.message().blocks());
            blocks.add(new Block.Heading(c.text("next.after.heading")));
            for (Event e : up.subList(1, up.size())) {
                sb.append('\n').append(m.line(e, c.shown(), c.locale()));
                blocks.add(m.card(e, c.locale()));
            }
            return Result.rich(sb.toString(), blocks);
        }
        String f = filter.get();
        Optional<Committee> committee = calendar.committee(f);
        if (committee.isPresent()) {
            List<Event> up = calendar.aheadForCommittee(committee.get().acronym(), c.now(), 1);
            if (up.isEmpty()) {
                return Result.text(c.text("next.committee.none", committee.get().acronym()));
            }
            return views.event(up.get(0), c.shown(), c.now(), c.text("next.committee", committee.get().acronym()),
                    c.locale());
        }
        return questions.answer("next " + f, c.zone(), c.shown(), c.now(), c.locale());
    }

    private Result schedule(CommandContext c, String what) throws CommandException {
        LocalDate today = LocalDate.ofInstant(c.now(), c.zone());
        // "schedule for 6 march", "schedule of icann79": the small word before the day or the meeting says nothing
        what = what.strip().replaceFirst("(?i)^(for|of|on|at)\\s+", "");
        Optional<LocalDate> day = Dates.parse(what, today);
        if (day.isPresent()) {
            return views.list(c.text("schedule.title", TimeFormat.day(day.get(), c.locale())),
                    views.onDay(day.get(), c.zone()), c.shown(), c.text("schedule.none"), c.locale());
        }
        Optional<Meeting> meeting = calendar.meeting(what);
        if (meeting.isPresent()) {
            return views.meeting(meeting.get(), c.shown(), c.locale());
        }
        Optional<Committee> committee = calendar.committee(what);
        if (committee.isPresent()) {
            return views.committee(committee.get(), c.shown(), c.now(), c.locale());
        }
        List<String> names = new ArrayList<>(calendar.meetingsByCode().keySet());
        calendar.committees().forEach(k -> names.add(k.acronym()));
        List<String> close = Text.closest(what, names, 3);
        String lead = c.text("schedule.unknown", Text.shorten(what, 40));
        throw new CommandException(close.isEmpty() ? c.text("schedule.unknown.hint", lead)
                : c.text("error.didYouMean", lead, String.join(", ", close)));
    }

    private Result event(CommandContext c, String id) throws CommandException {
        Optional<Event> e = calendar.event(id);
        if (e.isPresent()) {
            Result r = views.event(e.get(), c.shown(), c.now(), null, c.locale());
            // The .ics itself is a separate command so the card stays short on every platform.
            String offer = c.text("event.addToCalendar", e.get().id());
            List<Block> blocks = new ArrayList<>(r.message().blocks());
            blocks.add(new Block.Footnote(offer));
            return Result.rich(r.message().fallbackText() + "\n" + offer, blocks);
        }
        List<String> ids = calendar.index().search(Text.words(id.replace('-', ' '))).stream()
                .limit(3).map(h -> h.event().id()).toList();
        String lead = c.text("event.unknown", Text.shorten(id, 40));
        throw new CommandException(ids.isEmpty() ? c.text("event.unknown.hint", lead)
                : c.text("error.didYouMean", lead, String.join(", ", ids)));
    }
}
