package org.ccnsobot.features.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the understanding layer reads out of a question, on the seed calendar, on Saturday 10 February 2024. */
class UnderstandingTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    @TempDir
    Path dir;
    Bot bot;
    Questions questions;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY));
        questions = new Questions(bot.calendar(), new Views(bot.calendar()));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private Question read(String text) {
        return questions.read(text, UTC, BotFixture.NEWSLETTER_DAY);
    }

    @Test
    void aCommitteeWithAVerb() {
        Question q = read("when does the UAC meet?");
        assertThat(q.intent()).isEqualTo(Question.Intent.WHEN);
        assertThat(q.about().committee().acronym()).isEqualTo("UAC");
        assertThat(q.about().words()).isEmpty();
    }

    @Test
    void committeesSpacedHyphenatedRunTogetherOrMisspelt() {
        for (String t : new String[] {"TLD OPS", "tld-ops", "tldops", "T.L.D. OPS", "tld ops standing committee"}) {
            assertThat(read(t).about().committee().acronym()).as(t).isEqualTo("TLD-OPS");
        }
        assertThat(read("coucnil").about().committee().acronym()).isEqualTo("Council");
        assertThat(read("the council's meetings").about().committee().acronym()).isEqualTo("Council");
        assertThat(read("universal acceptance").about().committee().acronym()).isEqualTo("UAC");
        assertThat(read("tech day").about().committee()).isNull();
    }

    @Test
    void aMeetingByCodeOrCityAndADayInsideIt() {
        Question q = read("what's on sunday at icann 79");
        assertThat(q.intent()).isEqualTo(Question.Intent.WHAT_ON);
        assertThat(q.about().meeting().code()).isEqualTo("ICANN79");
        assertThat(q.span().from()).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(q.span().oneDay()).isTrue();
        assertThat(read("last day in san juan").span().from()).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(read("when is icann81").about().missingMeeting()).isEqualTo("ICANN81");
        assertThat(read("icann78").about().meeting()).isNull();
    }

    @Test
    void monthsRangesAndRelativeDays() {
        Question april = read("any council meeting in april?");
        assertThat(april.intent()).isEqualTo(Question.Intent.IS_THERE);
        assertThat(april.span().from()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(april.span().to()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(read("next week").span().from()).isEqualTo(LocalDate.of(2024, 2, 12));
        assertThat(read("next week").span().to()).isEqualTo(LocalDate.of(2024, 2, 19));
        assertThat(read("in the next 10 days").span().to()).isEqualTo(LocalDate.of(2024, 2, 21));
        assertThat(read("from 2 to 4 march").span().to()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(read("1 february to 31 march").span().from()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(read("tomorrow").span().from()).isEqualTo(LocalDate.of(2024, 2, 11));
        assertThat(read("thursday 15 february").span().from()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(read("2024-03-06").span().from()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(read("the 5th of mrach").span().from()).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void theAskersZoneDecidesToday() {
        Instant late = Instant.parse("2024-03-04T23:30:00Z");
        assertThat(questions.read("today", ZoneId.of("Asia/Tokyo"), late).span().from()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(questions.read("today", UTC, late).span().from()).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void numbersWordsAndGenericWords() {
        Question q = read("when is council meeting 202?");
        assertThat(q.about().committee().acronym()).isEqualTo("Council");
        assertThat(q.about().number()).isEqualTo("202");
        assertThat(q.about().generic()).containsExactly("meeting");
        assertThat(read("202nd council meeting").about().number()).isEqualTo("202");
        Question words = read("wehn is the internet fragmentation session?");
        assertThat(words.about().words()).containsExactly("internet", "fragmentation");
        assertThat(words.about().generic()).containsExactly("session");
    }

    @Test
    void impossibleDatesAreProblemsNotSearches() {
        assertThat(read("31 february").problem()).isEqualTo("31 February is not a date.");
        assertThat(read("the year 99999").problem()).contains("years from");
        assertThat(read("2024-02-30").problem()).contains("not a date");
        assertThat(read("123456789012345678901234567890").about().isEmpty()).isTrue();
        assertThat(read("the of and").about().isEmpty()).isTrue();
    }
}
