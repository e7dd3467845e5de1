package org.ccnsobot.port.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruncationTest {

    @Test
    void textThatFitsIsKeptAndLongerTextIsCutWithAMarkWithinTheLimit() {
        assertThat(Truncation.cut("abcdefgh", 8)).isEqualTo("abcdefgh");
        assertThat(Truncation.cut("abcdefghij", 5)).isEqualTo("abcd…").hasSize(5);
        assertThat(Truncation.cut(null, 5)).isEmpty();
    }

    @Test
    void theCutPrefersALineBreakInTheSecondHalfAndNeverSplitsAnEmoji() {
        assertThat(Truncation.cut("first line\nsecond line", 16)).isEqualTo("first line…");
        assertThat(Truncation.cut("a\nbcdefghijkl", 8)).isEqualTo("a\nbcdef…");
        assertThat(Truncation.cut("abc\uD83D\uDE00def", 5)).isEqualTo("abc…");
    }

    @Test
    void aPlatformMayMoveTheCutEarlier() {
        assertThat(Truncation.cut("abcdef&amp;ghij", 9, cut -> Math.min(cut, 6))).isEqualTo("abcdef…");
    }
}
