package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.support.Controls;
import org.junit.jupiter.api.Test;

/** A control character already stored (not through an import) is neutralised on every way out. */
class StoredControlsTest {
    @Test
    void theOutputHelperReplacesControlsAndBidiButKeepsLines() {
        assertThat(Controls.neutralise("a\u001B[31mb\u202Ec\nd\te")).isEqualTo("a\uFFFD[31mb\uFFFDc\nd\te");
        assertThat(Controls.neutralise("plain")).isSameAs("plain");
    }

    @Test
    void theFeedsNeutraliseStoredControls() {
        Event e = new Event("x-1", "Title\u001B]0;pwned\u0007", null, null, Instant.parse("2024-03-02T13:00:00Z"),
                null, java.time.LocalDate.of(2024, 3, 2), java.time.ZoneId.of("UTC"), "Room\u202E", null, "d\u0001",
                List.of(), List.of(), null, null, null, 0);
        String ics = IcsExporter.export("x", List.of(e), Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(ics).doesNotContain("\u001B", "\u0007", "\u202E", "\u0001").contains("SUMMARY:Title\uFFFD]0");
    }
}
