package org.ccnsobot.port.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits long lists into pages between entries, never inside one: a line, a field, an embed, a card. An entry
 * too big for a page on its own gets a page to itself (split it first with {@link #chunks} or
 * {@link #lines} when that is not allowed).
 */
public final class Paging {

    private Paging() {
    }

    /**
     * Packs {@code entries} in order into pages of at most {@code maxCount} entries whose sizes, plus
     * {@code separator} between two entries, add up to at most {@code maxSize}.
     */
    public static <T> List<List<T>> pages(List<T> entries, ToIntFunction<? super T> size, int maxSize, int maxCount,
                                          int separator) {
        if (maxSize < 1 || maxCount < 1) {
            throw new IllegalArgumentException("a page holds at least one entry of size 1");
        }
        List<List<T>> pages = new ArrayList<>();
        List<T> page = new ArrayList<>();
        long used = 0;
        for (T entry : entries) {
            int s = size.applyAsInt(entry);
            if (!page.isEmpty() && (page.size() == maxCount || used + separator + s > maxSize)) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            used += (page.isEmpty() ? 0 : separator) + s;
            page.add(entry);
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** Pages of at most {@code maxCount} entries, whatever their size. */
    public static <T> List<List<T>> pages(List<T> entries, int maxCount) {
        return pages(entries, e -> 0, Integer.MAX_VALUE, maxCount, 0);
    }

    /** {@code list} in consecutive pieces of at most {@code max} items: for one entry too big for any page. */
    public static <T> List<List<T>> chunks(List<T> list, int max) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += max) {
            out.add(List.copyOf(list.subList(i, Math.min(list.size(), i + max))));
        }
        return out;
    }

    /**
     * Text in pages of at most {@code max} characters, split at line breaks; a single line longer than a page is
     * cut into pieces (never between the two halves of a surrogate pair). Blank text is one page holding "…".
     */
    public static List<String> lines(String text, int max) {
        List<String> pieces = new ArrayList<>();
        for (String line : (text == null || text.isBlank() ? "…" : text).split("\n", -1)) {
            String rest = line;
            while (rest.length() > max) {
                int cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            pieces.add(rest);
        }
        List<String> out = new ArrayList<>();
        for (List<String> page : pages(pieces, String::length, max, Integer.MAX_VALUE, 1)) {
            out.add(String.join("\n", page));
        }
        return out;
    }
}
