package org.ccnsobot.discord;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import org.ccnsobot.port.Invocation;

/**
 * Previous / Next under a long answer to a slash command, in place of a string of follow-up messages. A button's
 * custom id carries the page and the typed command with its options ({@code pg:2|week|weeks=4}), so a click asks
 * core again, renders the same answer and shows that page by editing the message: it works after a restart.
 * An answer whose command does not fit Discord's 100 characters is sent as follow-ups, as before.
 */
final class Pager {
    static final String PREFIX = "pg:";
    static final String RUN = "run:";
    private static final int CUSTOM_ID_MAX = 100;

    /** A page of a command's answer to show. */
    record Target(int page, String command, Map<String, String> options) {
    }

    private Pager() {
    }

    /** The row for page {@code page} (0-based) of {@code total}, or empty when the command cannot be carried. */
    static Optional<ActionRow> row(int page, int total, Invocation invocation) {
        return row(page, total, invocation, Labels.ENGLISH);
    }

    static Optional<ActionRow> row(int page, int total, Invocation invocation, Labels labels) {
        if (!invocation.isTyped() || total < 2) {
            return Optional.empty();
        }
        Optional<String> previous = id(Math.max(0, page - 1), invocation);
        Optional<String> next = id(Math.min(total - 1, page + 1), invocation);
        if (previous.isEmpty() || next.isEmpty()) {
            return Optional.empty();
        }
        // custom ids in one message must differ: Previous and Next point at different pages, the label at none
        return Optional.of(ActionRow.of(
                Button.secondary(previous.get(), labels.text("discord.button.previous", "Previous"))
                        .withDisabled(page == 0),
                Button.secondary("pg-label:" + page, labels.text("discord.button.page", "Page {0} of {1}", page + 1, total))
                        .withDisabled(true),
                Button.secondary(next.get(), labels.text("discord.button.next", "Next")).withDisabled(page == total - 1)));
    }

    static Optional<String> id(int page, Invocation invocation) {
        String id = PREFIX + page + "|" + invocation.command() + "|" + encode(invocation.options());
        return id.length() <= CUSTOM_ID_MAX ? Optional.of(id) : Optional.empty();
    }

    /** A button that runs {@code command} with {@code options} for whoever clicks it (an announcement's Confirm). */
    static Optional<String> run(String command, Map<String, String> options) {
        String id = RUN + "0|" + command + "|" + encode(options);
        return id.length() <= CUSTOM_ID_MAX ? Optional.of(id) : Optional.empty();
    }

    /** {@code prefix command|options}, when it fits a custom id (a form button, a modal: {@link Modals}). */
    static Optional<String> carry(String prefix, String command, Map<String, String> options) {
        String id = prefix + command + "|" + encode(options);
        return id.length() <= CUSTOM_ID_MAX ? Optional.of(id) : Optional.empty();
    }

    /** The command of a {@link #run} button. */
    static Optional<Target> parseRun(String customId) {
        if (customId == null || !customId.startsWith(RUN)) {
            return Optional.empty();
        }
        return parse(PREFIX + customId.substring(RUN.length()));
    }

    private static String encode(Map<String, String> options) {
        return new TreeMap<>(options).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static Optional<Target> parse(String customId) {
        if (customId == null || !customId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = customId.substring(PREFIX.length()).split("\\|", -1);
        if (parts.length < 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            int page = Integer.parseInt(parts[0]);
            Map<String, String> options = new LinkedHashMap<>();
            if (!parts[2].isEmpty()) {
                for (String pair : parts[2].split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        return Optional.empty();
                    }
                    options.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return page < 0 ? Optional.empty() : Optional.of(new Target(page, parts[1], options));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
