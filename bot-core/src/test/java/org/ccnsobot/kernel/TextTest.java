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
}
