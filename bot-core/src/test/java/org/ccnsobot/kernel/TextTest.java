package org.ccnsobot.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void normalisesPunctuationAccentsAndApostrophes() {
        assertThat(Text.normalize("What's on  Tech-Day?")).isEqualTo("whats on tech day");
        assertThat(Text.normalize("Rosalía")).isEqualTo("rosalia");
        assertThat(Text.squash("TLD-OPS")).isEqualTo("tldops");
    }

    @Test
    void boundedDistanceCountsTyposAndTranspositions() {
        assertThat(Text.distance("council", "councl", 2)).isEqualTo(1);
        assertThat(Text.distance("meeting", "meetnig", 2)).isEqualTo(1);
        assertThat(Text.distance("abc", "xyz", 1)).isEqualTo(2);
    }

    @Test
    void closestPrefersTheNearest() {
        assertThat(Text.closest("nxet", List.of("next", "week", "help"), 3)).containsExactly("next");
    }

    @Test
    void datesAsPeopleWriteThem() {
        LocalDate today = LocalDate.of(2024, 2, 10);
        assertThat(Dates.parse("5 March", today)).contains(LocalDate.of(2024, 3, 5));
        assertThat(Dates.parse("march 5th", today)).contains(LocalDate.of(2024, 3, 5));
        assertThat(Dates.parse("2024-03-06", today)).contains(LocalDate.of(2024, 3, 6));
        assertThat(Dates.parse("tomorrow", today)).contains(LocalDate.of(2024, 2, 11));
        assertThat(Dates.parse("wednesday", today)).contains(LocalDate.of(2024, 2, 14));
        assertThat(Dates.parse("31 February", today)).isEmpty();
        assertThat(Dates.parse("council", today)).isEmpty();
    }

    /** The slow path the table stands for: NFKD, marks removed. */
    private static String slowFold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /**
     * The accent table gives what the Normalizer gives, letter by letter over the table's range and on whole
     * questions, with a character beyond it (a combining mark, Arabic, a ligature) sending the text the slow way.
     */
    @Test
    void theAccentTableFoldsAsTheNormalizerDoes() {
        for (char c = '\u0080'; c <= '\u017f'; c++) {
            String one = "a" + c + "b";
            assertThat(Text.normalize(one)).as("U+%04X", (int) c).isEqualTo(Text.normalize(slowFold(one)));
        }
        for (String q : List.of("quand est l'appel budgétaire du SOPC", "¿cuándo es la próxima reunión del Consejo?",
                "Œuvre à São Paulo, ½ journée", "e\u0301te\u0301 à Montréal", "ﬁn de séance", "اجتماع المجلس à Paris",
                "ÀÉÎÕÜ ñ ç ß ø å ł")) {
            assertThat(Text.normalize(q)).as(q).isEqualTo(Text.normalize(slowFold(q)));
        }
        assertThat(Text.normalize("Réunion du Conseil à Genève")).isEqualTo("reunion du conseil a geneve");
    }
}
