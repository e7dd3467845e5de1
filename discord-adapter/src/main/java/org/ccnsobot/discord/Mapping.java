package org.ccnsobot.discord;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;

/** Translates JDA's view of a request into the port's: who asked, where, and with which option values. */
final class Mapping {
    static final String PLATFORM = "discord";

    private Mapping() {
    }

    /** The asker, with the member's role ids so core's staff rule can judge; outside a guild there are none. */
    static Actor actor(User user, Member member) {
        Set<String> roles = member == null ? Set.of()
                : member.getRoles().stream().map(ISnowflake::getId).collect(Collectors.toUnmodifiableSet());
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return new Actor(PLATFORM, user.getId(), name, roles);
    }

    static Place place(MessageChannel channel) {
        return new Place(PLATFORM, channel.getId(), channel.getType() == ChannelType.PRIVATE);
    }

    static Invocation invocation(SlashCommandInteraction event, Instant receivedAt) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping o : event.getOptions()) {
            options.put(o.getName(), value(o));
        }
        return Invocation.command(actor(event.getUser(), event.getMember()), place(event.getMessageChannel()),
                event.getName(), options, receivedAt).withLocale(locale(event));
    }

    /**
     * The member's Discord client language (the interaction's {@code locale}, "fr", "es-ES", "es-419"), which core
     * uses when the member chose none with the language command; null when Discord sends none we can read.
     */
    static java.util.Locale locale(net.dv8tion.jda.api.interactions.Interaction interaction) {
        net.dv8tion.jda.api.interactions.DiscordLocale l = interaction.getUserLocale();
        return l == null || l == net.dv8tion.jda.api.interactions.DiscordLocale.UNKNOWN ? null
                : java.util.Locale.forLanguageTag(l.getLocale());
    }

    private static String value(OptionMapping o) {
        return switch (o.getType()) {
            case INTEGER -> Long.toString(o.getAsLong());
            case BOOLEAN -> Boolean.toString(o.getAsBoolean());
            default -> o.getAsString();
        };
    }

    /**
     * Why the received options cannot be handed to core, or empty when they can. Discord's client checks types
     * and required options, but an interaction registered under an older command list (or a hand-made request) can
     * still carry anything, and it deserves a one-line reason rather than silence.
     */
    static Optional<String> problem(CommandInfo command, List<OptionMapping> received) {
        return problem(command, received, Labels.ENGLISH);
    }

    /** As {@link #problem(CommandInfo, List)}, the reason in {@code labels}' language. */
    static Optional<String> problem(CommandInfo command, List<OptionMapping> received, Labels labels) {
        Map<String, OptionInfo> declared = new LinkedHashMap<>();
        for (OptionInfo o : command.options()) {
            declared.put(o.name().toLowerCase(Locale.ROOT), o);
        }
        Set<String> seen = new HashSet<>();
        for (OptionMapping o : received) {
            OptionInfo info = declared.get(o.getName());
            if (info == null) {
                return Optional.of(labels.text("discord.option.gone", "/{0} has no option `{1}` any more; please run"
                        + " the command again.", command.name(), o.getName()));
            }
            seen.add(o.getName());
            OptionType expected = SlashCommands.type(info.kind());
            if (o.getType() != expected) {
                return Optional.of(labels.text("discord.option.type", "`{0}` must be {1}.", o.getName(),
                        describe(expected, labels)));
            }
            if (expected == OptionType.INTEGER && !withinDiscordRange(o)) {
                return Optional.of(labels.text("discord.option.range", "`{0}` is out of range: use a whole number"
                        + " between -{1} and {1}.", o.getName(), Long.toString(MAX_INTEGER)));
            }
            if (!info.choices().isEmpty()) {
                String v = value(o);
                if (info.choices().stream().noneMatch(c -> c.equalsIgnoreCase(v))) {
                    return Optional.of(labels.text("discord.option.choices", "`{0}` must be one of: {1}.", o.getName(),
                            String.join(", ", info.choices())));
                }
            }
        }
        for (Map.Entry<String, OptionInfo> e : declared.entrySet()) {
            if (e.getValue().required() && !seen.contains(e.getKey())) {
                return Optional.of(labels.text("discord.option.missing", "/{0} needs `{1}`.", command.name(),
                        e.getKey()));
            }
        }
        return Optional.empty();
    }

    // Discord's own bound for INTEGER options; anything larger did not come from a Discord client.
    static final long MAX_INTEGER = (1L << 53) - 1;

    private static boolean withinDiscordRange(OptionMapping o) {
        try {
            long v = o.getAsLong();
            return v >= -MAX_INTEGER && v <= MAX_INTEGER;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(OptionType type, Labels labels) {
        return switch (type) {
            case INTEGER -> labels.text("discord.option.integer", "a whole number");
            case BOOLEAN -> labels.text("discord.option.boolean", "true or false");
            default -> labels.text("discord.option.text", "text");
        };
    }
}
