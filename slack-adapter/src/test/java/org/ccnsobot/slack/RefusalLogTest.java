package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    @Test
    void aFloodOfRefusalsIsOneLineThenOneCountPerMinute() {
        ManualClock clock = new ManualClock(Instant.parse("2024-03-01T12:00:00Z"));
        List<String> lines = new CopyOnWriteArrayList<>();
        RefusalLog log = new RefusalLog(clock, lines::add);

        for (int i = 0; i < 500; i++) {
            log.refused("10.0.0." + (i % 7), i % 2 == 0 ? "signature does not match" : "timestamp is stale");
        }
        assertThat(lines).as("one line for the first, the rest counted").hasSize(1);
        assertThat(lines.get(0)).contains("10.0.0.0", "signature does not match");

        clock.advance(Duration.ofSeconds(61));
        log.flushIfDue();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("refused 499 more requests", "from 7 addresses", "signature does not match=",
                "timestamp is stale=");

        log.flushIfDue();
        assertThat(lines).as("a quiet minute adds nothing").hasSize(2);
        log.refused("10.0.0.9", "missing signature headers");
        assertThat(lines).hasSize(3);
    }
}
