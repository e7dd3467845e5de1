package org.ccnsobot.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.ask;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.port.Reply;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.bot.Bot;
/** Every kind of bad input gets a one-line reason, privately, and changes nothing. */
class BadInputTest {
    @TempDir
    Path dir;
    Bot bot;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String oneLineReason(String input) {
        Reply r = BotFixture.reply(bot, input);
        assertThat(r.personal()).as("errors are personal").isTrue();
        assertThat(r.text()).as("one line").doesNotContain("\n").isNotBlank();
        return r.text();
    }

    @Test
    void aBlankLine() {
        assertThat(oneLineReason("   ")).startsWith("Nothing to do");
    }

    @Test
    void aTenThousandCharacterLine() {
        assertThat(oneLineReason("x".repeat(10_000))).contains("too long (10000 characters");
    }

    @Test
    void controlCharacters() {
        assertThat(oneLineReason("next\u0007\u001b[31m")).contains("control characters");
        assertThat(oneLineReason("when \u202egrc")).contains("control characters");
    }

    @Test
    void anUnknownCommandGetsTheClosestMatches() {
        assertThat(oneLineReason("/nxet")).isEqualTo("Unknown command 'nxet'; did you mean next?");
        assertThat(oneLineReason("comittees")).contains("did you mean committees");
        assertThat(oneLineReason("/zzzzzzzz")).contains("type help");
    }

    @Test
    void aBadDateOrZone() {
        assertThat(oneLineReason("schedule 31 February")).contains("is not a meeting, a day or a committee");
        assertThat(oneLineReason("timezone Mars/Olympus")).contains("is not an IANA time zone");
        assertThat(oneLineReason("timezone europe/brusels")).contains("did you mean Europe/Brussels");
    }

    @Test
    void missingOrExtraOptions() {
        assertThat(oneLineReason("event")).contains("'event' needs an id; usage: event <id>");
        assertThat(oneLineReason("timezone UTC extra")).contains("takes no more than that");
        assertThat(oneLineReason("committee nonesuch")).contains("No committee called 'nonesuch'");
        assertThat(oneLineReason("event no-such-event")).contains("No event with id 'no-such-event'");
    }

    @Test
    void aBadZoneChangesNothing() {
        ask(bot, "timezone Asia/Tokyo");
        oneLineReason("timezone Nowhere/City");
        assertThat(ask(bot, "timezone")).contains("Asia/Tokyo");
    }

    @Test
    void aQuestionNothingMatches() {
        assertThat(oneLineReason("when is the quidditch final")).startsWith("Nothing in the calendar matches");
    }
}
