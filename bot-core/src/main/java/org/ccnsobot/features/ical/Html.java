package org.ccnsobot.features.ical;

import java.util.Map;

/**
 * HTML that schedule exports leave in text. In titles and rooms only entities are decoded ("Q&amp;A", every named
 * entity HTML knows); tags are left as they are, since a title with "<" in it is rare and stripping could eat real
 * text. A description written in HTML ({@link #toPlain}) becomes plain text with jsoup: paragraphs and line breaks
 * kept as lines, list items as "- ", and each link as its text followed by its address.
 */
final class Html {
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0", "ndash", "\u2013", "mdash", "\u2014", "rsquo", "\u2019", "lsquo", "\u2018");

    private Html() {
    }

    static String unescape(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i + 1) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                String rep = decode(name);
                if (rep != null) {
                    out.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String decode(String name) {
        String named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        if (!name.startsWith("#")) {
            // every HTML named entity (Fran&ccedil;ais), from jsoup's table rather than a list of our own
            return org.jsoup.nodes.Entities.isNamedEntity(name) ? org.jsoup.nodes.Entities.getByName(name) : null;
        }
        try {
            int cp;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                cp = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                cp = Integer.parseInt(name.substring(1));
            } else {
                return null;
            }
            if (!Character.isValidCodePoint(cp) || Character.isISOControl(cp) && cp != '\n' && cp != '\t'
                    || cp >= 0xd800 && cp <= 0xdfff) {
                return null;
            }
            return new String(Character.toChars(cp));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z]|!--)");

    /** A description as members read it: plain text, whether it was written in HTML or with entities only. */
    /**
     * Descriptions already made plain, by their HTML. A source is read again every few minutes and most of its
     * descriptions have not changed; jsoup's parse was a fifth of a no-change re-import of 5,000 events. Weighed by
     * characters (about 8 MB at most), since one description may be long.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, String> PLAIN =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(4_000_000)
                    .weigher((String k, String v) -> k.length() + v.length()).build();

    static String toPlain(String raw) {
        if (raw == null || !TAG.matcher(raw).find()) {
            return unescape(raw);
        }
        return PLAIN.get(raw, Html::parsePlain);
    }

    private static String parsePlain(String raw) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(raw);
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode t) {
                    out.append(t.getWholeText().replaceAll("[ \\t\\r\\n]+", " "));
                } else if (node instanceof org.jsoup.nodes.Element e) {
                    switch (e.normalName()) {
                        case "br" -> out.append('\n');
                        case "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr" -> newLine(out);
                        case "li" -> {
                            newLine(out);
                            out.append("- ");
                        }
                        default -> {
                        }
                    }
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Element e) {
                    String href = e.normalName().equals("a") ? e.attr("href").strip() : "";
                    if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                        String text = e.text().strip();
                        if (!text.equals(href) && !text.equals(href.replaceFirst("^mailto:", ""))) {
                            out.append(text.isEmpty() ? href : " (" + href + ")");
                        }
                    }
                    if (e.normalName().equals("p") || e.normalName().equals("div")) {
                        newLine(out);
                    }
                }
            }
        });
        String text = out.toString().replace('\u00a0', ' ').replaceAll(" +\n", "\n").replaceAll("\n +", "\n")
                .replaceAll("\n{3,}", "\n\n").strip();
        return text.isEmpty() ? null : text;
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
