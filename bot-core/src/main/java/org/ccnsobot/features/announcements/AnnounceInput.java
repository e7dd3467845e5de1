package org.ccnsobot.features.announcements;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.outbox.PlatformRegistry;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.features.calendar.TimeFormat;

/** What staff type into {@code announce}: ids, times, where to post and whom to ping, checked and read. */
final class AnnounceInput {
    private static final Pattern ID = Pattern.compile("#?[Aa]?(\\d{1,9})");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm", Locale.ROOT);

    private AnnounceInput() {
    }

    /** A sub-command's word alone, or with one word that is not an id: a slip, never a new announcement's text. */
    private static final Pattern SUB_SLIP = Pattern.compile("(?i)(confirm|cancel|delete|edit)(?:\\s+(\\S+))?");

    /**
     * "announce confirm" without an id (or with a word that is not one, or with words after the id) would otherwise
     * be saved as a new announcement's text, which replaces the staff member's draft: refused instead, naming their
     * drafts ({@code drafts}), and nothing changes. {@code sub} is the sub-command's match, or null.
     */
    static void refuseSlip(String text, Matcher sub, java.util.function.Supplier<String> drafts, Locale l)
            throws CommandException {
        if (sub != null) {
            String verb = sub.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!verb.equals("edit") && sub.group(3) != null) {
                throw new CommandException(t(l, "ann.in.onlyId", verb, drafts.get()));
            }
            return;
        }
        Matcher slip = SUB_SLIP.matcher(text);
        if (slip.matches()) {
            String verb = slip.group(1).toLowerCase(java.util.Locale.ROOT);
            throw new CommandException(slip.group(2) == null ? t(l, "ann.in.needsId", verb, drafts.get())
                    : t(l, "ann.in.notAnId", org.ccnsobot.kernel.Text.shorten(slip.group(2), 20), verb, drafts.get()));
        }
    }

    private static String t(Locale l, String key, Object... args) {
        return org.ccnsobot.i18n.Messages.t(l, key, args);
    }

    static long id(String text, Locale l) throws CommandException {
        Matcher m = ID.matcher(text.strip());
        if (!m.matches()) {
            throw new CommandException(t(l, "ann.in.badId", text));
        }
        return Long.parseLong(m.group(1));
    }

    /** Staff type paragraph breaks as \n (chat commands are one line). */
    static String unescape(String text) {
        return text.replace("\\n", "\n").strip();
    }

    /** {@code 2024-03-04T13:00Z}, {@code 2024-03-04T09:00-04:00}, or {@code 2024-03-04 09:00 [zone]} (the staff's zone). */
    static Instant parseAt(String raw, ZoneId viewer, Instant now, Locale l) throws CommandException {
        String t = raw.strip();
        Instant at;
        try {
            at = OffsetDateTime.parse(t.replace(' ', 'T').replaceAll("(T\\d\\d:\\d\\d)(Z|[+-])", "$1:00$2")).toInstant();
        } catch (DateTimeParseException e) {
            String[] words = t.split("\\s+");
            ZoneId zone = viewer;
            String local = t;
            if (words.length >= 2) {
                String last = words[words.length - 1];
                if (Character.isLetter(last.charAt(0))) {
                    try {
                        zone = ZoneId.of(last.equalsIgnoreCase("utc") ? "UTC" : last);
                    } catch (java.time.DateTimeException ex) {
                        throw new CommandException(t(l, "ann.in.atZone", last));
                    }
                    local = t.substring(0, t.length() - last.length()).strip();
                }
            }
            try {
                at = LocalDateTime.parse(local, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException ex) {
                throw new CommandException(t(l, "ann.in.atTime", t));
            }
        }
        if (at.isBefore(now.minusSeconds(60))) {
            throw new CommandException(t(l, "ann.in.atPast", TimeFormat.instant(at, viewer, l)));
        }
        return at.isBefore(now) ? now : at;
    }

    /**
     * The chat platforms' own names. Written alone in --to they always mean that platform's announcement channel,
     * never a channel of the platform asked on (no Discord or Slack channel id is a bare word like these), so where
     * the platform is not running they are refused rather than read as a console channel #discord.
     */
    private static final Set<String> PLATFORM_NAMES = Set.of("discord", "slack", "console");

    static List<Destination> targets(Optional<String> to, String invokingPlatform, PlatformRegistry service, Locale l)
            throws CommandException {
        Set<Destination> out = new LinkedHashSet<>();
        if (to.isEmpty()) {
            out.addAll(service.channels(ChannelRole.ANNOUNCEMENTS));
            if (out.isEmpty()) {
                throw new CommandException(t(l, "ann.in.noChannel"));
            }
            return List.copyOf(out);
        }
        for (String item : to.get().split(",")) {
            String t = item.strip().replaceFirst("^#", "");
            if (t.isEmpty()) {
                continue;
            }
            String named = t.toLowerCase(Locale.ROOT);
            if (service.platform(named).isPresent()) {
                out.add(service.channel(named, ChannelRole.ANNOUNCEMENTS).orElseThrow(() ->
                        new CommandException(t(l, "ann.in.toNoChannel", t))));
                continue;
            }
            if (PLATFORM_NAMES.contains(named)) {
                throw new CommandException(t(l, "ann.in.toNotRunningUnchanged", t, named,
                        String.join(", ", service.ids())));
            }
            int colon = t.indexOf(':');
            String p = colon > 0 ? t.substring(0, colon).toLowerCase(Locale.ROOT) : invokingPlatform;
            String channel = colon > 0 ? t.substring(colon + 1).replaceFirst("^#", "") : t;
            if (service.platform(p).isEmpty()) {
                throw new CommandException(t(l, "ann.in.toNotRunning", t, p, String.join(", ", service.ids())));
            }
            if (!channel.matches("[A-Za-z0-9_.-]{1,80}")) {
                throw new CommandException(t(l, "ann.in.toBadChannel", t, channel));
            }
            out.add(new Destination.Channel(p, channel));
        }
        if (out.isEmpty()) {
            throw new CommandException(t(l, "ann.in.toEmpty"));
        }
        return List.copyOf(out);
    }

    static Optional<String> ping(Optional<String> raw, String invokingPlatform, List<Destination> targets, Locale l)
            throws CommandException {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        String t = raw.get().strip().replaceFirst("^@", "");
        if (t.equalsIgnoreCase("everyone") || t.equalsIgnoreCase("channel") || t.equalsIgnoreCase("here")) {
            return Optional.of("everyone");
        }
        int colon = t.indexOf(':');
        String platform = colon > 0 ? t.substring(0, colon).toLowerCase(Locale.ROOT) : invokingPlatform;
        String id = colon > 0 ? t.substring(colon + 1) : t;
        id = id.replaceAll("^<@&|^<!subteam\\^|>$", "");
        if (!id.matches("[A-Za-z0-9]{1,40}")) {
            throw new CommandException(t(l, "ann.in.badPing", raw.get()));
        }
        if (targets.stream().noneMatch(d -> d.platform().equals(platform))) {
            throw new CommandException(t(l, "ann.in.pingElsewhere", raw.get(), platform));
        }
        return Optional.of(platform + ":" + id);
    }

    static Mentions mentions(Optional<String> ping, String platform) {
        if (ping.isEmpty()) {
            return Mentions.NONE;
        }
        if (ping.get().equals("everyone")) {
            return new Mentions(true, Set.of(), Set.of());
        }
        String prefix = platform + ":";
        return ping.get().startsWith(prefix) ? new Mentions(false, Set.of(ping.get().substring(prefix.length())), Set.of())
                : Mentions.NONE;
    }
}
