package org.ccnsobot.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.support.Truncation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives Discord slash commands from core's one command list. Nothing here names a command except the set of
 * commands whose answers are personal, which decides how an interaction is deferred before core has answered.
 */
final class SlashCommands {
    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);
    private static final Pattern NAME = Pattern.compile("[-_\\p{L}\\p{N}]{1,32}");
    static final int MAX_COMMANDS = 100;
    static final int MAX_CHOICES = 25;
    private static final Set<OptionKind> LOOKUPS = Set.of(OptionKind.COMMITTEE, OptionKind.MEETING, OptionKind.EVENT);

    /**
     * Commands whose answer is about the asker alone. Their deferral is ephemeral from the start, because Discord
     * fixes a deferred reply's visibility at deferral time, before core has answered.
     */
    static final Set<String> PERSONAL = Set.of("timezone", "language", "subscribe", "unsubscribe", "subscriptions");

    /** The Discord client languages each bundle language is shown to (Spanish: Spain's and Latin America's). */
    static final Map<net.dv8tion.jda.api.interactions.DiscordLocale, Locale> LOCALIZED = Map.of(
            net.dv8tion.jda.api.interactions.DiscordLocale.FRENCH, Locale.FRENCH,
            net.dv8tion.jda.api.interactions.DiscordLocale.SPANISH, Locale.forLanguageTag("es"),
            net.dv8tion.jda.api.interactions.DiscordLocale.SPANISH_LATAM, Locale.forLanguageTag("es"));

    private SlashCommands() {
    }

    /** The commands Discord should show, keyed by slash-command name; invalid ones are logged and left out. */
    static Map<String, CommandInfo> usable(List<CommandInfo> commands) {
        Map<String, CommandInfo> out = new LinkedHashMap<>();
        for (CommandInfo c : commands) {
            String name = c.name().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                LOG.warn("command '{}' is not a valid Discord slash-command name; it is not registered", c.name());
            } else if (out.size() == MAX_COMMANDS) {
                LOG.warn("Discord allows {} commands per guild; '{}' is not registered", MAX_COMMANDS, c.name());
            } else {
                out.putIfAbsent(name, c);
            }
        }
        return out;
    }

    /** Core's translation of a description (key, English text, language), or empty. */
    @FunctionalInterface
    interface Translations {
        java.util.Optional<String> of(String key, String english, Locale locale);

        Translations NONE = (k, e, l) -> java.util.Optional.empty();
    }

    static List<SlashCommandData> data(Map<String, CommandInfo> commands) {
        return data(commands, Translations.NONE);
    }

    static List<SlashCommandData> data(Map<String, CommandInfo> commands, Translations translations) {
        List<SlashCommandData> out = new ArrayList<>();
        commands.forEach((name, c) -> out.add(command(name, c, translations)));
        return out;
    }

    static SlashCommandData command(String name, CommandInfo c) {
        return command(name, c, Translations.NONE);
    }

    static SlashCommandData command(String name, CommandInfo c, Translations translations) {
        String summary = (c.staffOnly() ? "(staff) " : "") + (c.summary() == null || c.summary().isBlank() ? name : c.summary());
        SlashCommandData data = Commands.slash(name, Truncation.cut(summary, 100));
        // description_localizations from the bundles (cmd.<name>); name_localizations from name.<name>: a French
        // client shows /prochain, but the interaction still carries the default name, so dispatch stays English
        String key = "cmd." + c.name();
        LOCALIZED.forEach((discord, locale) -> translations.of("name." + c.name(), name, locale)
                .filter(SlashCommands::validName).ifPresent(t -> data.setNameLocalization(discord, t)));
        LOCALIZED.forEach((discord, locale) -> translations.of(key, c.summary(), locale).ifPresent(t ->
                data.setDescriptionLocalization(discord, Truncation.cut((c.staffOnly()
                        ? translations.of("help.staffPrefix", "(staff) ", locale).orElse("(staff) ") : "") + t, 100))));
        if (c.staffOnly()) {
            // default_member_permissions "0": only administrators see it until a server admin grants it to the
            // staff role (Server Settings -> Integrations). Core still checks staff itself on every use.
            data.setDefaultPermissions(DefaultMemberPermissions.DISABLED);
        }
        // Discord refuses a required option after an optional one; core's order is kept otherwise.
        c.options().stream()
                .sorted(Comparator.comparing(o -> !o.required()))
                .limit(25)
                .forEach(o -> data.addOptions(named(localized(option(o), "cmd." + c.name() + "." + o.name(),
                        o.description(), translations), "name." + c.name() + "." + o.name(), translations)));
        return data;
    }

    /** Discord's rule for a command or option name in any locale: 1-32 lower-case letters, digits, - or _. */
    static boolean validName(String name) {
        return name.equals(name.toLowerCase(Locale.ROOT)) && name.matches("[-_\\p{L}\\p{N}]{1,32}");
    }

    /** The option's name_localizations from bundle entry {@code key}, when there is one and Discord takes it. */
    private static OptionData named(OptionData data, String key, Translations translations) {
        LOCALIZED.forEach((discord, locale) -> translations.of(key, data.getName(), locale)
                .filter(SlashCommands::validName).ifPresent(t -> data.setNameLocalization(discord, t)));
        return data;
    }

    /** The option's description_localizations from bundle entry {@code key}, when there is one. */
    private static OptionData localized(OptionData data, String key, String english, Translations translations) {
        LOCALIZED.forEach((discord, locale) -> translations.of(key, english, locale).ifPresent(t ->
                data.setDescriptionLocalization(discord, Truncation.cut(t, 100))));
        return data;
    }

    static OptionData option(OptionInfo o) {
        OptionType type = type(o.kind());
        String description = o.description() == null || o.description().isBlank() ? hint(o.kind()) : o.description();
        OptionData data = new OptionData(type, o.name().toLowerCase(Locale.ROOT), Truncation.cut(description, 100), o.required());
        if (!o.choices().isEmpty()) {
            // Discord allows either fixed choices or autocomplete; fixed choices are the stronger promise.
            for (String choice : o.choices().subList(0, Math.min(MAX_CHOICES, o.choices().size()))) {
                if (type == OptionType.INTEGER) {
                    data.addChoice(choice, Long.parseLong(choice));
                } else {
                    data.addChoice(Truncation.cut(choice, 100), Truncation.cut(choice, 100));
                }
            }
        } else if (type == OptionType.STRING && (o.autocomplete() || LOOKUPS.contains(o.kind()))) {
            data.setAutoComplete(true);
        }
        return data;
    }

    static OptionType type(OptionKind kind) {
        return switch (kind) {
            case INTEGER -> OptionType.INTEGER;
            case BOOLEAN -> OptionType.BOOLEAN;
            default -> OptionType.STRING;
        };
    }

    private static String hint(OptionKind kind) {
        return switch (kind) {
            case DATE -> "a date like 2024-03-02";
            case ZONE -> "a time zone like Europe/Brussels";
            case DURATION -> "a duration like 1h30m";
            case INTEGER -> "a whole number";
            case BOOLEAN -> "yes or no";
            case COMMITTEE -> "a committee";
            case MEETING -> "a meeting like ICANN79";
            case EVENT -> "an event";
            default -> "text";
        };
    }
}
