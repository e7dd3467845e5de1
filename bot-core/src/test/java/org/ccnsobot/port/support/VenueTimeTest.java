package org.ccnsobot.port.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.port.Block;
import org.junit.jupiter.api.Test;

class VenueTimeTest {
    private static final ZoneId SAN_JUAN = ZoneId.of("America/Puerto_Rico");
    private static final Instant START = Instant.parse("2024-03-02T14:30:00Z");

    @Test
    void theVenueClockWithItsZoneAndPlace() {
        assertThat(VenueTime.of(START, null, SAN_JUAN, "San Juan")).isEqualTo("10:30 AST, San Juan");
        assertThat(VenueTime.of(START, START.plusSeconds(5400), SAN_JUAN, "San Juan"))
                .isEqualTo("10:30–12:00 AST, San Juan");
        assertThat(VenueTime.of(START, null, SAN_JUAN, null)).isEqualTo("10:30 AST");
        assertThat(VenueTime.clock(START, ZoneId.of("UTC"))).isEqualTo("14:30 UTC");
        assertThat(VenueTime.hoursAndMinutes(START, SAN_JUAN)).isEqualTo("10:30");
        assertThat(VenueTime.clock(START, ZoneId.of("Asia/Kolkata"))).isEqualTo("20:00 IST");
    }

    @Test
    void aCardNamesTheVenueDayWhenItIsNotTheCardsDate() {
        Block.EventCard same = card(START, LocalDate.of(2024, 3, 2));
        assertThat(VenueTime.of(same)).contains("10:30–11:30 AST, San Juan");
        Block.EventCard late = card(Instant.parse("2024-03-03T03:30:00Z"), LocalDate.of(2024, 3, 3));
        assertThat(VenueTime.of(late)).contains("Sat 2 Mar 2024 23:30–00:30 AST, San Juan");
        Block.EventCard dateOnly = new Block.EventCard("e", "t", null, null, LocalDate.of(2024, 3, 2), SAN_JUAN,
                "San Juan", null, null, List.of(), "scheduled", null, List.of());
        assertThat(VenueTime.of(dateOnly)).isEmpty();
    }

    private static Block.EventCard card(Instant start, LocalDate date) {
        return new Block.EventCard("e", "t", start, start.plusSeconds(3600), date, SAN_JUAN, "San Juan", null, null,
                List.of(), "scheduled", null, List.of());
    }
}
