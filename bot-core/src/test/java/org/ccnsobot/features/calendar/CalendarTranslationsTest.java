package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.ical.Feeds;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.features.ical.ImportReport;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 6 through the real seeder on a real SQLite file: the calendar file's translations of committee
 * names and descriptions and of event titles are stored, shown in the reader's language with English as the
 * fallback, refused whole when a map is bad, taken in again by {@code seed-translations} when they change, and never
 * given to an imported title.
 */
class CalendarTranslationsTest {
    @TempDir
    Path dir;

    static final Instant MARCH_1 = Instant.parse("2024-03-01T12:00:00Z");

    /** Council: fr and es names, a fr description; GRC: a fr name only; one translated title (fr only). */
    static final String CALENDAR = """
            committees:
              - acronym: Council
                name: {en: ccNSO Council, fr: Conseil de la ccNSO, es: Consejo de la ccNSO}
                aliases: [Council]
                description:
                  en: The ccNSO's governing body.
                  fr: L'organe directeur de la ccNSO.
              - acronym: GRC
                name:
                  en: Guidelines Review Committee
                  fr: Comité de révision des lignes directrices
                description: Reviews the ccNSO guidelines.
            events:
              - id: council-300
                title: {en: ccNSO Council meeting 300, fr: Réunion 300 du Conseil de la ccNSO}
                kind: council-meeting
                date: 2024-03-10
                start: "18:00"
                zone: UTC
                committees: [Council]
              - id: grc-call
                title: GRC call
                date: 2024-03-12
                start: "14:00"
                zone: UTC
                committees: [GRC]
            """;

    /** A member of their own whose client is in {@code tag}. */
    private static Reply reply(Bot bot, String tag, String text) {
        Actor who = new Actor("test", "member-" + tag, "Member", Set.of());
        return bot.handle(Invocation.text(who, new Place("test", "dm-" + tag, true), text, bot.clock().instant())
                .withLocale(Locale.forLanguageTag(tag)));
    }

    private static String say(Bot bot, String tag, String text) {
        return reply(bot, tag, text).text();
    }

    private static List<String> cardTitles(Reply r) {
        return r.message().blocks().stream().filter(b -> b instanceof Block.EventCard)
                .map(b -> ((Block.EventCard) b).title()).toList();
    }

    private static String column(Bot bot, String sql) {
        return bot.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : "(no row)";
            }
        });
    }

    @Test
    void aCommitteeShowsInFrenchForAFrenchMemberAndInEnglishForASpanishOneWhenItHasNoSpanishName() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(MARCH_1).open(dir)) {
            Bot bot = f.bot();
            // stored in the database, English kept in its own column
            assertThat(column(bot, "SELECT name || ' | ' || names FROM committees WHERE acronym = 'GRC'"))
                    .isEqualTo("Guidelines Review Committee | {\"fr\":\"Comité de révision des lignes directrices\"}");
            assertThat(column(bot, "SELECT coalesce(descriptions, 'NULL') FROM committees WHERE acronym = 'GRC'"))
                    .isEqualTo("NULL");
            assertThat(column(bot, "SELECT title || ' | ' || titles FROM events WHERE id = 'council-300'"))
                    .isEqualTo("ccNSO Council meeting 300 | {\"fr\":\"Réunion 300 du Conseil de la ccNSO\"}");

            assertThat(say(bot, "fr", "committee grc")).startsWith("Comité de révision des lignes directrices (GRC)\n"
                    + "Reviews the ccNSO guidelines.");
            assertThat(say(bot, "es", "committee grc")).startsWith("Guidelines Review Committee (GRC)\n"
                    + "Reviews the ccNSO guidelines.");
            assertThat(say(bot, "en", "committee grc")).startsWith("Guidelines Review Committee (GRC)\n");
            assertThat(say(bot, "fr", "committee council")).startsWith("Conseil de la ccNSO (Council)\n"
                    + "L'organe directeur de la ccNSO.").contains("Réunion 300 du Conseil de la ccNSO [council-300]");
            assertThat(say(bot, "es", "committee council")).startsWith("Consejo de la ccNSO (Council)\n"
                    + "The ccNSO's governing body.").contains("ccNSO Council meeting 300 [council-300]");
            assertThat(say(bot, "fr", "committees")).contains("• GRC — Comité de révision des lignes directrices",
                    "• Council — Conseil de la ccNSO");
            assertThat(say(bot, "es", "committees")).contains("• GRC — Guidelines Review Committee",
                    "• Council — Consejo de la ccNSO");

            // an event's title, in text and on its card; a title without translation is the same for everyone
            Reply fr = reply(bot, "fr", "next");
            assertThat(fr.text()).startsWith(fr.text().lines().findFirst().orElseThrow())
                    .contains("Réunion 300 du Conseil de la ccNSO");
            assertThat(cardTitles(fr)).contains("Réunion 300 du Conseil de la ccNSO");
            Reply es = reply(bot, "es", "next");
            assertThat(es.text()).contains("ccNSO Council meeting 300").doesNotContain("Réunion");
            assertThat(cardTitles(es)).contains("ccNSO Council meeting 300");
            assertThat(say(bot, "fr", "event grc-call")).startsWith("GRC call\n");

            // a translated name finds its committee, in a command and in plain words
            assertThat(say(bot, "en", "committee Conseil de la ccNSO")).startsWith("ccNSO Council (Council)");
            assertThat(say(bot, "es", "committee Comite de revision des lignes directrices"))
                    .startsWith("Guidelines Review Committee (GRC)");
            assertThat(say(bot, "fr", "quand se réunit le comité de révision des lignes directrices ?"))
                    .contains("GRC call");
        }
    }

    @Test
    void remindersAndChangeNoticesUseTheTranslatedTitle() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(MARCH_1).reminders(BotFixture.testReminders())
                .staff("chat", "staffer").platform("chat").open(dir)) {
            f.say("alice", "language fr");
            f.say("alice", "subscribe council");
            f.say("bob", "language es");
            f.say("bob", "subscribe council");
            f.start(false);
            f.clock().set(Instant.parse("2024-03-09T18:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).extracting(a -> a.text()).contains(
                    "Rappel : Réunion 300 du Conseil de la ccNSO commence dans 24 heures — dim. 10 mars 2024 18:00 UTC"
                            + " [council-300]",
                    "Recordatorio: ccNSO Council meeting 300 empieza en 24 horas — dom 10 mar 2024 18:00 UTC"
                            + " [council-300]");
            f.platform().clear();
            // a staff move keeps the file's translations of the title (it is still the file's title)
            assertThat(f.say("staffer", "event move council-300 --date 2024-03-11 --start 18:00")).isNotBlank();
            assertThat(f.bot().calendar().event("council-300").orElseThrow().title(Locale.FRENCH))
                    .isEqualTo("Réunion 300 du Conseil de la ccNSO");
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).extracting(a -> a.text())
                    .anyMatch(t -> t.startsWith("Déplacé : Réunion 300 du Conseil de la ccNSO a désormais lieu"))
                    .anyMatch(t -> t.startsWith("Reprogramado: ccNSO Council meeting 300 pasa a ser"));
        }
    }

    @Test
    void theDigestOfAFrenchConfigShowsTheFrenchTitleAndASpanishOneFallsBackToEnglish() throws Exception {
        String calendar = BotFixture.ANNOUNCEMENTS_CALENDAR.replace("title: ccNSO Council meeting 300",
                "title: {en: ccNSO Council meeting 300, fr: Réunion 300 du Conseil de la ccNSO}");
        for (org.ccnsobot.i18n.Language language : List.of(org.ccnsobot.i18n.Language.FR,
                org.ccnsobot.i18n.Language.ES)) {
            try (BotFixture f = BotFixture.announcementsWorld().calendar(calendar).digest(BotFixture.mondays())
                    .config(c -> c.withLanguage(language)).open(dir.resolve(language.code()))) {
                f.clock().set(Instant.parse("2024-03-04T09:00:00Z"));
                f.fire();
                var posted = f.platform("disc").deliveredTo(new org.ccnsobot.port.Destination.Channel("disc", "news"));
                assertThat(posted).hasSize(1);
                String title = language == org.ccnsobot.i18n.Language.FR ? "Réunion 300 du Conseil de la ccNSO"
                        : "ccNSO Council meeting 300";
                assertThat(posted.get(0).text()).contains(title + " [council-300]");
                assertThat(posted.get(0).message().blocks().stream().filter(b -> b instanceof Block.EventCard)
                        .map(b -> ((Block.EventCard) b).title())).contains(title);
            }
        }
    }

    @Test
    void aMembersPersonalFeedHasTheTitlesInTheirLanguageAndTheSharedFeedStaysEnglish() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(MARCH_1).platform("chat")
                .config(c -> c.withFeeds(new org.ccnsobot.config.FeedsConfig("127.0.0.1", 1, null))).open(dir)) {
            f.say("alice", "language fr");
            f.say("alice", "subscribe all");
            f.say("bob", "language es");
            f.say("bob", "subscribe all");
            java.util.regex.Pattern token = java.util.regex.Pattern.compile("/personal/([A-Za-z0-9_-]+)\\.ics");
            java.util.Map<String, String> feeds = new java.util.HashMap<>();
            for (String who : List.of("alice", "bob")) {
                var m = token.matcher(f.say(who, "feed"));
                assertThat(m.find()).isTrue();
                feeds.put(who, f.bot().personalFeeds().open(m.group(1)).orElseThrow().export(MARCH_1, null));
            }
            assertThat(feeds.get("alice")).contains("SUMMARY:Réunion 300 du Conseil de la ccNSO")
                    .contains("SUMMARY:GRC call");
            assertThat(feeds.get("bob")).contains("SUMMARY:ccNSO Council meeting 300").doesNotContain("Réunion");
            assertThat(new Feeds(f.bot().calendar()).all().export(MARCH_1, null))
                    .contains("SUMMARY:ccNSO Council meeting 300").doesNotContain("Réunion");
        }
    }

    @Test
    void aBadMapOnAFirstStartIsRefusedInOneLineAndLeavesNoDatabase() throws Exception {
        Path calendar = Files.createDirectories(dir.resolve("calendar"));
        Files.writeString(calendar.resolve("committees.yaml"), CALENDAR.replace(
                "fr: Comité de révision des lignes directrices", "de: Leitlinien-Prüfungsausschuss"));
        Path data = dir.resolve("data");
        BotConfig cfg = BotConfig.defaults().withDatabase(data.resolve("bot.db")).withCalendar(calendar);
        assertThatThrownBy(() -> Bot.open(cfg, new ManualClock(MARCH_1)))
                .isInstanceOfSatisfying(CalendarException.class, e -> assertThat(e.problems()).containsExactly(
                        calendar.resolve("committees.yaml") + ": committees[1].name (line 11): 'de' is not a"
                                + " language the bot has (known: en, fr, es, ar)"));
        try (Stream<Path> s = Files.exists(data) ? Files.list(data) : Stream.empty()) {
            assertThat(s.toList()).as("no database file").isEmpty();
        }
    }

    @Test
    void aReSeedTakesChangedTranslationsInAndABadOneChangesNothing() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(MARCH_1).staff("console", "console")
                .open(dir)) {
            Bot bot = f.bot();
            Path file = f.config().calendar().resolve("test.yaml");
            assertThat(say(bot, "es", "committee grc")).startsWith("Guidelines Review Committee (GRC)");
            Files.writeString(file, CALENDAR.replace("fr: Comité de révision des lignes directrices",
                    "fr: Comité d'examen des lignes directrices\n      es: Comité de Revisión de Directrices")
                    .replace("fr: Réunion 300 du Conseil de la ccNSO", "fr: 300e réunion du Conseil de la ccNSO"));

            // through another connection, as the command line's seed-translations is another process
            try (Database other = Database.open(bot.databaseFile())) {
                assertThat(Seeder.refreshTranslations(new CalendarService(CalendarStore.sqlite(other)),
                        f.config().calendar())).isEqualTo(new Seeder.Refreshed(1, 1));
                assertThat(Seeder.refreshTranslations(new CalendarService(CalendarStore.sqlite(other)),
                        f.config().calendar())).as("the same again writes nothing").isEqualTo(new Seeder.Refreshed(0, 0));
            }
            bot.changes().pollNow();
            assertThat(say(bot, "es", "committee grc")).startsWith("Comité de Revisión de Directrices (GRC)");
            assertThat(say(bot, "fr", "committee grc")).startsWith("Comité d'examen des lignes directrices (GRC)");
            assertThat(say(bot, "fr", "event council-300")).startsWith("300e réunion du Conseil de la ccNSO\n");

            // a bad map: refused whole, one line, nothing written
            List<Event> before = BotFixture.snapshot(bot);
            var committeesBefore = bot.calendar().store().committees();
            Files.writeString(file, CALENDAR.replace("fr: Comité de révision des lignes directrices",
                    "fr: [Comité]"));
            assertThatThrownBy(() -> Seeder.refreshTranslations(bot.calendar(), f.config().calendar()))
                    .isInstanceOfSatisfying(CalendarException.class, e -> assertThat(e.problems()).containsExactly(
                            file + ": committees[1].name (line 11): 'fr' needs a text"));
            assertThat(BotFixture.snapshot(bot)).isEqualTo(before);
            assertThat(bot.calendar().store().committees()).isEqualTo(committeesBefore);

            // an event staff retitled keeps its own title: the file's translations were of the old one
            assertThat(f.staff("event edit grc-call --title \"GRC call (moved online)\"").text()).startsWith("Updated");
            Files.writeString(file, CALENDAR.replace("title: GRC call", "title: {en: GRC call, fr: Appel du GRC}"));
            assertThat(Seeder.refreshTranslations(bot.calendar(), f.config().calendar()))
                    .isEqualTo(new Seeder.Refreshed(1, 1)); // GRC's names back to the file's; council-300's title
            assertThat(say(bot, "fr", "event grc-call")).startsWith("GRC call (moved online)\n");
        }
    }

    @Test
    void anImportedTitleStaysAsImportedAndOurOwnExportComesBackWithItsTranslations() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(MARCH_1).open(dir)) {
            Bot bot = f.bot();
            IcsImporter importer = new IcsImporter(bot.calendar());
            String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                    "X-WR-CALNAME:Sched", "BEGIN:VEVENT", "UID:sched-1@example.org", "DTSTAMP:20240301T000000Z",
                    "DTSTART:20240314T150000Z", "DTEND:20240314T160000Z", "SUMMARY:ccNSO Council: wrap-up",
                    "END:VEVENT", "END:VCALENDAR", "");
            ImportReport r = importer.importBytes(ics.getBytes(StandardCharsets.UTF_8), "sched.ics",
                    ImportOptions.defaults());
            assertThat(r.added()).containsExactly("ccNSO Council: wrap-up");
            Event imported = BotFixture.snapshot(bot).stream().filter(e -> "sched-1@example.org".equals(e.sourceUid()))
                    .findFirst().orElseThrow();
            assertThat(imported.titles().hasNone()).isTrue();
            assertThat(column(bot, "SELECT coalesce(titles, 'NULL') FROM events WHERE id = '" + imported.id() + "'"))
                    .isEqualTo("NULL");
            assertThat(say(bot, "fr", "event " + imported.id())).startsWith("ccNSO Council: wrap-up\n");

            // the bot's own export (English titles) imported again changes nothing, translations included
            String export = new Feeds(bot.calendar()).all().export(MARCH_1, null);
            List<Event> before = BotFixture.snapshot(bot);
            ImportReport again = importer.importBytes(export.getBytes(StandardCharsets.UTF_8), "own.ics",
                    ImportOptions.defaults());
            assertThat(again.added()).isEmpty();
            assertThat(again.updated()).isEmpty();
            assertThat(BotFixture.snapshot(bot)).isEqualTo(before);
            assertThat(export).contains("SUMMARY:ccNSO Council meeting 300").doesNotContain("Réunion");
        }
    }
}
