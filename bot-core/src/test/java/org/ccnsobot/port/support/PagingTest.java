package org.ccnsobot.port.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void pagesBreakBetweenEntriesBySizeAndByCount() {
        List<String> entries = List.of("aaaa", "bbbb", "cc", "dddddd", "e");
        // 10 characters a page with a one-character separator: "aaaa bbbb" (9), "cc dddddd" (9), "e"
        assertThat(Paging.pages(entries, String::length, 10, 100, 1))
                .containsExactly(List.of("aaaa", "bbbb"), List.of("cc", "dddddd"), List.of("e"));
        assertThat(Paging.pages(entries, 2))
                .containsExactly(List.of("aaaa", "bbbb"), List.of("cc", "dddddd"), List.of("e"));
    }

    @Test
    void anEntryTooBigForAPageGetsOneToItself() {
        assertThat(Paging.pages(List.of("ab", "x".repeat(20), "cd"), String::length, 10, 100, 0))
                .containsExactly(List.of("ab"), List.of("x".repeat(20)), List.of("cd"));
        assertThat(Paging.chunks(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(Paging.pages(List.<String>of(), 3)).isEmpty();
    }

    @Test
    void textIsPagedAtLineBreaksAndOnlyAnOverlongLineIsCut() {
        String text = "first line\nsecond line\n" + "z".repeat(25);
        assertThat(Paging.lines(text, 22)).containsExactly("first line\nsecond line", "z".repeat(22), "zzz");
        assertThat(Paging.lines("  ", 10)).containsExactly("…");
        // an emoji (two chars) is never split
        assertThat(Paging.lines("ab\uD83D\uDE00", 3)).containsExactly("ab", "\uD83D\uDE00");
    }
}
