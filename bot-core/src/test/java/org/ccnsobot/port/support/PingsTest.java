package org.ccnsobot.port.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PingsTest {

    @Test
    void broadcastWordsGetAZeroWidthSpaceAfterTheAt() {
        assertThat(Pings.defuse("hi @everyone, @Here and @channel"))
                .isEqualTo("hi @\u200Beveryone, @\u200BHere and @\u200Bchannel");
        assertThat(Pings.DEFUSER).isEqualTo('\u200B');
    }

    @Test
    void otherTextIsLeftAlone() {
        assertThat(Pings.defuse("mail me at alice@example.org")).isEqualTo("mail me at alice@example.org");
        assertThat(Pings.defuse(null)).isEmpty();
        // defusing twice changes nothing more
        assertThat(Pings.defuse(Pings.defuse("@here"))).isEqualTo("@\u200Bhere");
    }
}
