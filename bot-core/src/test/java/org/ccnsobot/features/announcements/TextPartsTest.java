package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting staff text for platform limits: Discord 2000 per message, Slack 3000 per block in 40000. */
class TextPartsTest {

    /** Words of nine letters and a space, exactly {@code length} characters, ending in a letter. */
    private static String paragraph(char c, int length) {
        String word = String.valueOf(c).repeat(9) + " ";
        String text = word.repeat(length / word.length() + 1).substring(0, length);
        return text.endsWith(" ") ? text.substring(0, length - 1) + c : text;
    }

    @Test
    void discordTextIsSplitBetweenParagraphsIntoMessagesOfAtMost2000() throws Exception {
        String a = paragraph('a', 1200);
        String b = paragraph('b', 700);
        String c = paragraph('c', 900);
        List<TextParts.Part> parts = TextParts.split(a + "\n\n" + b + "\n\n" + c, "discord", 2000, 2000, 0);
        assertThat(parts).extracting(TextParts.Part::text).containsExactly(a + "\n\n" + b, c);
        assertThat(parts).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(2000));
    }

    @Test
    void slackKeepsOneMessageButPutsParagraphsInBlocksOfAtMost3000() throws Exception {
        String a = paragraph('a', 2500);
        String b = paragraph('b', 2500);
        List<TextParts.Part> parts = TextParts.split(a + "\n\n" + b, "slack", 40_000, 3000, 0);
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.blocks()).containsExactly(a, b));
    }

    @Test
    void aParagraphOverTheLimitIsRefusedNamingItNeverCut() {
        String big = paragraph('x', 2001);
        assertThatThrownBy(() -> TextParts.split("intro\n\n" + big, "discord", 2000, 2000, 0))
                .hasMessage("a paragraph of 2001 characters is over discord's limit of 2000 characters per message;"
                        + " shorten it or break it into paragraphs (a blank line, or \\n\\n, between them)");
        assertThatThrownBy(() -> TextParts.split(paragraph('x', 3001), "slack", 40_000, 3000, 0))
                .hasMessageContaining("over slack's limit of 3000 characters per block");
    }

    @Test
    void pingsInFrontTakeRoomInTheFirstMessage() throws Exception {
        String a = paragraph('a', 1980);
        assertThat(TextParts.split(a, "discord", 2000, 2000, 0)).hasSize(1);
        assertThatThrownBy(() -> TextParts.split(a, "discord", 2000, 2000, 40))
                .hasMessageContaining("the pings in front of it are over discord's limit of 2000");
        String b = paragraph('b', 100);
        assertThat(TextParts.split(paragraph('a', 1900) + "\n\n" + b, "discord", 2000, 2000, 40)).hasSize(2);
    }

    @Test
    void paragraphsAreBlankLineSeparatedAndTrimmed() {
        assertThat(TextParts.paragraphs("one\n\n\n two \n  \nthree\nstill three")).containsExactly("one", "two",
                "three\nstill three");
    }
}
