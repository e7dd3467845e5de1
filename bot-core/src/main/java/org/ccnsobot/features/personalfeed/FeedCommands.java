package org.ccnsobot.features.personalfeed;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.port.CommandInfo.OptionKind;

/**
 * {@code feed} and {@code feed reset}: a member's private feed address. The address holds a secret, so it is given
 * only where the answer is the member's alone: a direct conversation, or a typed command (Discord's {@code /feed},
 * deferred and answered ephemerally because the command is personal). A line in a shared channel could be answered
 * in the open (Discord has no private reply to a mention), so there the member is told where to ask instead.
 */
public final class FeedCommands {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final FeedTokens tokens;
    private final FeedsConfig feeds;
    private final PersonalFeeds personal;

    /** {@code feeds}: the config's feed server, null when none is configured. */
    public FeedCommands(FeedTokens tokens, FeedsConfig feeds, PersonalFeeds personal) {
        this.tokens = tokens;
        this.feeds = feeds;
        this.personal = personal;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("feed", List.of("myfeed"),
                "Your personal calendar feed: what you subscribe to, with your reminders as alarms",
                List.of(OptionSpec.optional("action", OptionKind.TEXT,
                        "reset: a new address (the old one stops working)").withChoices(List.of("reset"))),
                List.of("feed", "feed reset"), false, true, (c, a) -> feed(c, a.text("action"))));
    }

    private Result feed(CommandContext c, Optional<String> action) throws CommandException {
        if (feeds == null) {
            throw new CommandException(c.text("feed.notConfigured"));
        }
        if (!c.invocation().place().direct() && !c.invocation().isTyped()) {
            throw new CommandException(c.text("feed.privateOnly"));
        }
        boolean reset = action.filter(s -> s.strip().equalsIgnoreCase("reset")).isPresent();
        Optional<java.time.Instant> had = tokens.issuedAt(c.platform(), c.userId());
        if (had.isPresent() && !reset) {
            return Result.personalText(c.text("feed.exists", DAY.format(had.get().atZone(c.zone()))));
        }
        String token = tokens.issue(c.platform(), c.userId(), c.now());
        String url = feeds.base() + "/personal/" + token + ".ics";
        String text = c.text(had.isPresent() ? "feed.reset" : "feed.address", url);
        if (personal.subscribed(c.platform(), c.userId()).isEmpty()) {
            text += "\n" + c.text("feed.empty");
        }
        return Result.personalText(text);
    }
}
