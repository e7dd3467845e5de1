package org.ccnsobot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arabic is prepared: a card renders, its times, acronyms and ids isolated for right-to-left reading. */
class ArabicCardTest {
    private static final Locale AR = Language.AR.locale();

    @Test
    void anArabicCardIsolatesTimesAcronymsAndIds(@TempDir Path dir) throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.NEWSLETTER_DAY).open(dir)) {
            Views views = new Views(f.bot().calendar());
            Event council = f.bot().calendar().event("council-202").orElseThrow();
            String card = views.event(council, ZoneOffset.UTC, f.clock().instant(), null, AR).message().fallbackText();
            String fsi = String.valueOf(Bidi.FSI);
            String pdi = String.valueOf(Bidi.PDI);
            // the time, with Arabic day and month names, as one isolated run
            assertThat(card).contains(fsi + "الخميس 15 فبراير 2024 18:00 UTC" + pdi);
            // the title, the committees' acronyms and the id
            assertThat(card).contains(fsi + "Council" + pdi).contains(fsi + "council-202" + pdi)
                    .startsWith(fsi + council.title() + pdi);
            // the relative time from the Arabic bundle, with its plural form for 5 (few)
            assertThat(card).contains("(بعد 5 أيام)");
            assertBalanced(card);

            // a date-only session of a meeting: the day and the venue's city isolated
            Event welcome = f.bot().calendar().event("icann79-mm1-welcome").orElseThrow();
            String day = views.event(welcome, ZoneOffset.UTC, f.clock().instant(), null, AR).message().fallbackText();
            assertThat(day).contains(fsi + "الثلاثاء 5 مارس 2024" + pdi).contains(fsi + "San Juan" + pdi)
                    .contains(fsi + "icann79-mm1-welcome" + pdi);
            assertBalanced(day);

            // a left-to-right language gets no isolates
            String french = views.event(council, ZoneOffset.UTC, f.clock().instant(), null, Locale.FRENCH).message()
                    .fallbackText();
            assertThat(french).doesNotContain(fsi).doesNotContain(pdi).contains("jeu. 15 févr. 2024 18:00 UTC");
            String english = views.event(council, ZoneOffset.UTC, f.clock().instant(), null).message().fallbackText();
            assertThat(english).doesNotContain(fsi).doesNotContain(pdi);
        }
    }

    /** Every isolate is closed, and none is nested in another. */
    private static void assertBalanced(String text) {
        int depth = 0;
        for (char ch : text.toCharArray()) {
            depth += ch == Bidi.FSI ? 1 : ch == Bidi.PDI ? -1 : 0;
            assertThat(depth).isBetween(0, 1);
        }
        assertThat(depth).isZero();
    }
}
