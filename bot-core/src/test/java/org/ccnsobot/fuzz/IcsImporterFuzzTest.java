package org.ccnsobot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ccnsobot.testing.BotFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.ical.IcsException;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.IcsLimits;
import org.ccnsobot.features.ical.ImportOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes into the iCalendar importer: it imports or refuses with an {@link IcsException}, never anything
 * else, and a refusal changes nothing. Smaller limits than production keep each input cheap.
 */
class IcsImporterFuzzTest {
    private static final Bot BOT = BotFixture.forJvm("fuzz-ics").bot();
    private static final IcsImporter IMPORTER = new IcsImporter(BOT.calendar(),
            new IcsLimits(256 * 1024, 16 * 1024, 4, 400, 200, 50, java.time.Period.ofYears(2)));
    private static final AtomicInteger EXECUTED = new AtomicInteger();

    @FuzzTest(maxDuration = "5s")
    void fuzzImport(byte[] data) {
        check(data, false);
    }

    static void check(byte[] data, boolean verifyUnchanged) {
        EXECUTED.incrementAndGet();
        List<Event> before = verifyUnchanged ? BOT.calendar().store().allEvents() : null;
        try {
            IMPORTER.importBytes(data, "fuzz.ics", new ImportOptions(null, null, "fuzz", false));
        } catch (IcsException e) {
            assertThat(e.getMessage()).isNotBlank();
            if (verifyUnchanged) {
                assertThat(BOT.calendar().store().allEvents()).isEqualTo(before);
            }
        }
    }

    @Test
    void randomAndMutatedFeeds() {
        byte[] seed = BotFixture.schedSample().getBytes(StandardCharsets.UTF_8);
        String[] inserts = {"\n", "\r\n ", ":", ";", ",", "\\", "BEGIN:VEVENT\n", "END:VEVENT\n", "END:VCALENDAR\n",
                "RRULE:FREQ=MINUTELY\n", "DTSTART;TZID=Nowhere/Zone:20240301T100000\n", "DTSTART;VALUE=DATE:20240230\n",
                "RECURRENCE-ID:20240309T120000Z\n", "EXDATE:20240309T120000Z,garbage\n", "DURATION:P1W\n",
                "SEQUENCE:-5\n", "&amp;&#x0;&#99999999;", "\u00e9", "\uFEFF", "\u0000"};
        Random random = new Random(79);
        for (int i = 0; i < 150; i++) {
            StringBuilder sb = new StringBuilder(new String(seed, StandardCharsets.UTF_8));
            int edits = 1 + random.nextInt(5);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(sb.length() + 1);
                if (random.nextBoolean()) {
                    sb.insert(at, inserts[random.nextInt(inserts.length)]);
                } else if (at < sb.length()) {
                    sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(40)));
                }
            }
            check(sb.toString().getBytes(StandardCharsets.UTF_8), i % 10 == 0);
        }
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        check(noise, true);
    }

    @AfterAll
    static void someInputsRan() {
        assertThat(EXECUTED.get()).as("inputs executed").isGreaterThan(0);
    }
}
