package org.ccnsobot.features.language;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.port.CommandInfo.OptionKind;

/** The language each member reads the bot in: shown with {@code language}, set with {@code language fr}. */
public final class LanguageCommands {
    /** Saves a member's choice; the bot also forgets what it cached of the member. */
    public interface Choices {
        void set(String platform, String userId, Language language);

        /** The member's own choice, if they made one. */
        Optional<Language> get(String platform, String userId);
    }

    private final Choices choices;

    public LanguageCommands(Choices choices) {
        this.choices = choices;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("language", List.of("lang", "langue", "idioma"),
                "Show or set the language the bot answers you in",
                List.of(OptionSpec.optional("language", OptionKind.TEXT, "en, fr or es")),
                List.of("language", "language fr"), false, true, (c, a) -> language(c, a.text("language"))));
    }

    private Result language(CommandContext c, Optional<String> wanted) throws CommandException {
        if (wanted.isEmpty() || wanted.get().isBlank()) {
            Language now = Language.of(c.locale());
            boolean chosen = choices.get(c.platform(), c.userId()).isPresent();
            return Result.personalText(c.text(chosen ? "language.show" : "language.showDefault", now.nativeName()));
        }
        Optional<Language> lang = Language.choice(wanted.get());
        if (lang.isEmpty()) {
            // one line, nothing saved: the ones the bot has, each in its own name
            String has = Language.choices().stream().map(Language::nativeName).collect(Collectors.joining(", "));
            throw new CommandException(c.text("language.unknown",
                    org.ccnsobot.kernel.Text.shorten(wanted.get().strip(), 20), has));
        }
        choices.set(c.platform(), c.userId(), lang.get());
        // the confirmation is already in the language chosen
        return Result.personalText(Messages.t(lang.get().locale(), "language.set"));
    }
}
