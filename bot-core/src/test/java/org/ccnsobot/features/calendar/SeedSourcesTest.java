package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's ICANN79 sessions carry the times, rooms and access the ccNSO published for them before the meeting
 * (its draft schedule on the ccnso-council list), every one of them citing its source in icann79.yaml; what no
 * source gives stays date-only; the Council meeting of 7 March has its published number.
 */
class SeedSourcesTest {
    private static final Pattern FACT = Pattern.compile("^\\s+(start|end|room):.*$");
    private static final Pattern CITED = Pattern.compile("#.*\\b(N|S[1-9])\\b");
    private static final Pattern DEFINED = Pattern.compile("^#\\s+(N|S[1-9])\\s", Pattern.MULTILINE);

    private static Map<String, Event> seed() throws CalendarException {
        return CalendarFiles.loadDirectory(BotFixture.seedCalendar()).events().stream()
                .collect(Collectors.toMap(Event::id, Function.identity()));
    }

    @Test
    void everyTimeAndRoomInTheIcann79FileCitesASourceTheFileNames() throws Exception {
        String yaml = Files.readString(BotFixture.seedCalendar().resolve("icann79.yaml"));
        Set<String> defined = new TreeSet<>();
        DEFINED.matcher(yaml).results().forEach(m -> defined.add(m.group(1)));
        assertThat(defined).as("sources named in the file's header").contains("N", "S1", "S2", "S3");
        List<String> facts = yaml.lines().filter(l -> FACT.matcher(l).matches()).toList();
        // 13 timed sessions, each with a start, an end and a room
        assertThat(facts).as("times and rooms in icann79.yaml").hasSize(39);
        for (String line : facts) {
            Matcher m = CITED.matcher(line);
            assertThat(m.find()).as("a source cited next to: " + line.strip()).isTrue();
            assertThat(defined).as("the source cited by: " + line.strip()).contains(m.group(1));
        }
    }

    @Test
    void theSessionsHaveThePublishedTimesRoomsAndAccess() throws Exception {
        Map<String, Event> seed = seed();
        // S1: "ccNSO UA Committee | 13:15-14:30 (17:15 UTC) | Rm 101B" (local time, AST = UTC-4)
        Event uac = seed.get("icann79-uac-working-session");
        assertThat(uac.start()).isEqualTo(Instant.parse("2024-03-02T17:15:00Z"));
        assertThat(uac.end()).isEqualTo(Instant.parse("2024-03-02T18:30:00Z"));
        assertThat(uac.room()).isEqualTo("Room 101B");
        // S1: "ccNSO Council Workshop 1 of 2 | 9:00-10:10 (CLOSED) | Rm 201A"; S2: block 1 is the gap analysis
        Event gaps = seed.get("icann79-council-workshop-policy-gaps");
        assertThat(gaps.start()).isEqualTo(Instant.parse("2024-03-03T13:00:00Z"));
        assertThat(gaps.end()).isEqualTo(Instant.parse("2024-03-03T14:10:00Z"));
        assertThat(gaps.access()).isEqualTo(Access.CLOSED);
        assertThat(seed.get("icann79-council-workshop-roles").start()).isEqualTo(Instant.parse("2024-03-03T14:30:00Z"));
        assertThat(seed.get("icann79-iglc-working-session").end()).isEqualTo(Instant.parse("2024-03-03T18:40:00Z"));
        // GRC Workshop Part 1 and 2, Rm 208A, CLOSED
        Event grc = seed.get("icann79-grc-workshop-2");
        assertThat(grc.start()).isEqualTo(Instant.parse("2024-03-02T14:30:00Z"));
        assertThat(grc.room()).isEqualTo("Room 208A");
        assertThat(grc.access()).isEqualTo(Access.CLOSED);
    }

    @Test
    void theSessionsTheNewsletterDoesNotListAreThere() throws Exception {
        Map<String, Event> seed = seed();
        assertThat(seed).containsKeys("icann79-grc-workshop-1", "icann79-grc-workshop-2", "icann79-rcb-working-session",
                "icann79-techwg-working-session", "icann79-tld-ops-session-1", "icann79-tld-ops-session-2",
                "icann79-sopc-workshop", "icann79-csc-session");
        assertThat(seed.get("icann79-sopc-workshop").committees()).containsExactly("SOPC");
        assertThat(seed.get("icann79-tld-ops-session-2").start()).isEqualTo(Instant.parse("2024-03-03T20:30:00Z"));
        assertThat(seed.get("icann79-csc-session").room()).isEqualTo("Room 201A");
    }

    @Test
    void whatNoSourceTimesStaysDateOnlyAndTheCouncilMeetingIsNumbered() throws Exception {
        Map<String, Event> seed = seed();
        assertThat(seed.values().stream().filter(e -> e.id().startsWith("icann79-mm")))
                .hasSize(8).allSatisfy(e -> assertThat(e.dateOnly()).as(e.id()).isTrue());
        assertThat(seed.get("icann79-tech-day").dateOnly()).isTrue();
        Event council = seed.get("icann79-council-meeting");
        assertThat(council.dateOnly()).isTrue();
        assertThat(council.date()).hasToString("2024-03-07");
        assertThat(council.title()).contains("meeting 203");
        assertThat(seed.get("council-202").title()).contains("meeting 202");
    }

    @Test
    void aMemberAsksForMeeting203AndGetsIt(@TempDir Path dir) throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(BotFixture.ask(bot, "council meeting 203")).startsWith("ccNSO Council public meeting 203")
                    .doesNotContain("not in the calendar");
            assertThat(BotFixture.ask(bot, "when does the UAC meet")).contains("13:15 AST, San Juan")
                    .contains("Where: Room 101B");
        }
    }
}
