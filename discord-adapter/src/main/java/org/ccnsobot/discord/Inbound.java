// Over 500 lines on purpose: every Discord interaction (slash commands, buttons, modals, scheduled-event clicks) meets core here, so the privacy-before-deferral and retry rules are in one place.
package org.ccnsobot.discord;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.guild.scheduledevent.GenericScheduledEventUserEvent;
import net.dv8tion.jda.api.events.guild.scheduledevent.ScheduledEventUserAddEvent;
import net.dv8tion.jda.api.events.guild.scheduledevent.ScheduledEventUserRemoveEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.modals.Modal;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import java.util.Set;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.support.FaultReference;
import org.ccnsobot.port.support.Truncation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives JDA's events and answers them. Discord wants an interaction acknowledged within 3 s: core runs on the
 * adapter's own executor; a slash command whose one-page personal answer (or refusal) comes within
 * {@link #FAST_ANSWER} is answered privately at once, anything else is deferred and the answer then edits the
 * deferred reply. Plain words (a mention of the bot, or a DM) are handed to core as text.
 */
final class Inbound extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    private static final int AUTOCOMPLETE_MAX = 25;
    /** How long a form's click or submission waits for core before Discord's 3 s would run out. */
    static final java.time.Duration FAST_ANSWER = java.time.Duration.ofMillis(2500);

    private final InboundHandler handler;
    private final Executor executor;
    private final Clock clock;
    private final String guildId;
    private final ReplyRetry retry;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Map<String, CommandInfo> commands = Map.of();

    Inbound(InboundHandler handler, Executor executor, Clock clock, String guildId, ReplyRetry retry) {
        this.retry = retry;
        this.handler = handler;
        this.executor = executor;
        this.clock = clock;
        this.guildId = guildId;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    void commands(Map<String, CommandInfo> registered) {
        this.commands = Map.copyOf(registered);
    }

    @Override
    public void onReady(ReadyEvent event) {
        ready.complete(null);
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        // Fails a start-up still waiting for READY, e.g. when the gateway refuses the token (close code 4004).
        ready.completeExceptionally(new IllegalStateException("the Discord gateway closed the session (close code "
                + event.getCode() + (event.getCloseCode() == null ? "" : ", " + event.getCloseCode().getMeaning()) + ")"));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        CommandInfo info = commands.get(event.getName());
        if (info == null) {
            refuse(event, "I no longer have /" + event.getName() + "; type /help to see what I can do.");
            return;
        }
        Optional<String> problem = Mapping.problem(info, event.getOptions(), labels(event));
        if (problem.isPresent()) {
            refuse(event, problem.get());
            return;
        }
        Invocation invocation = Mapping.invocation(event, clock.instant());
        // Decided before the deferral, which fixes visibility: a member's staff command will be refused, and the
        // refusal (like any personal answer) must not show as "thinking…" in the channel.
        boolean ephemeral = info.personal() || SlashCommands.PERSONAL.contains(info.name().toLowerCase(Locale.ROOT))
                || (info.staffOnly() && !staff(invocation));
        // Core usually answers in milliseconds: waiting for it (within Discord's 3 s) lets a personal answer or a
        // refusal of a public command (a bad date, an unknown committee, a rate limit) go out privately as the
        // interaction's own reply, instead of a public "thinking…" that is then deleted. Slower answers are deferred.
        CompletableFuture<Reply> answer = soon(() -> handle(invocation));
        answer.copy().completeOnTimeout(null, FAST_ANSWER.toMillis(), TimeUnit.MILLISECONDS).whenComplete((reply, e) -> {
            if (e != null) {
                LOG.warn("could not answer /{}: {}", event.getName(), Failures.unwrap(e).toString());
                return;
            }
            // one page only: a longer personal answer keeps the deferred path, whose follow-ups ReplyRetry covers
            if (reply != null && reply.personal() && !ephemeral) {
                Labels words = labels(reply, invocation);
                if (Renderer.render(reply.message(), words).size() == 1) {
                    answerNow(event, reply, words);
                    return;
                }
            }
            event.deferReply(ephemeral).queue(null, x -> LOG.warn("could not defer /{}: {}", event.getName(), x.toString()));
            InteractionHook hook = event.getHook();
            answer.thenAccept(r -> guarded("answering /" + event.getName(), () -> answer(hook, ephemeral, r, invocation)));
        });
    }

    private static void refuse(SlashCommandInteractionEvent event, String reason) {
        event.reply(Messages.create(new Page(Truncation.cut(reason, Renderer.CONTENT_MAX), List.of(), Mentions.NONE)))
                .setEphemeral(true)
                .queue(null, e -> LOG.warn("could not answer /{}: {}", event.getName(), e.toString()));
    }

    /**
     * Sends core's reply through the interaction hook. A personal reply after a public deferral cannot turn the
     * public "thinking" message private, so that message is deleted and the reply goes out as ephemeral
     * follow-ups. Pages are sent one after another so they arrive in order. Editing and deleting the deferred reply
     * are retried through a 5xx or a dropped connection (they land once however often they are sent); follow-ups
     * only when Discord never saw them.
     */
    CompletableFuture<?> answer(InteractionHook hook, boolean deferredEphemeral, Reply reply, Invocation invocation) {
        java.time.Instant received = invocation.receivedAt();
        Labels labels = labels(reply, invocation);
        List<Page> pages = Renderer.render(reply.message(), labels);
        boolean inPlace = !reply.personal() || deferredEphemeral;
        Optional<net.dv8tion.jda.api.components.actionrow.ActionRow> nav = inPlace
                ? Pager.row(0, pages.size(), invocation, labels) : Optional.empty();
        if (nav.isPresent()) {
            // a long answer pages in place with Previous / Next instead of a string of follow-ups
            Page first = pages.get(0).withRows(List.of(nav.get()));
            return retry.submit("answering an interaction", received, () -> hook.editOriginal(Messages.edit(first)),
                    ReplyRetry::transientFailure).whenComplete((x, e) -> {
                        if (e != null) {
                            LOG.warn("could not deliver the answer to an interaction: {}", Failures.unwrap(e).toString());
                        }
                    });
        }
        CompletableFuture<?> chain;
        int next;
        if (reply.personal() && !deferredEphemeral) {
            chain = retry.submit("deleting a public deferral", received, hook::deleteOriginal, ReplyRetry::transientFailure);
            next = 0;
        } else {
            chain = retry.submit("answering an interaction", received, () -> hook.editOriginal(Messages.edit(pages.get(0))),
                    ReplyRetry::transientFailure);
            next = 1;
        }
        boolean ephemeral = deferredEphemeral || reply.personal();
        for (int i = next; i < pages.size(); i++) {
            Page page = pages.get(i);
            chain = chain.thenCompose(x -> retry.submit("a follow-up page", received,
                    () -> hook.sendMessage(Messages.create(page)).setEphemeral(ephemeral), ReplyRetry::notSent));
        }
        return chain.whenComplete((x, e) -> {
            if (e != null) {
                LOG.warn("could not deliver the answer to an interaction: {}", Failures.unwrap(e).toString());
            }
        });
    }

    /**
     * "Interested" on a mirrored event subscribes the member to that event's reminders, as the Subscribe button
     * does; "Not interested" unsubscribes. Events staff made by hand carry no calendar id and are left alone. Nothing
     * is sent back: Discord's own button already shows the member's choice.
     */
    @Override
    public void onScheduledEventUserAdd(ScheduledEventUserAddEvent event) {
        interest(event, true);
    }

    @Override
    public void onScheduledEventUserRemove(ScheduledEventUserRemoveEvent event) {
        interest(event, false);
    }

    private void interest(GenericScheduledEventUserEvent event, boolean interested) {
        String calendarId = ScheduledEvents.calendarId(event.getScheduledEvent().getDescription());
        if (calendarId == null) {
            return;
        }
        User user = event.getUser();
        Actor actor = new Actor(Mapping.PLATFORM, event.getUserId(), user == null ? event.getUserId()
                : user.getEffectiveName(), Set.of());
        Invocation invocation = Invocation.command(actor, new Place(Mapping.PLATFORM, event.getGuild().getId(), false),
                interested ? "subscribe" : "unsubscribe", Map.of("topic", calendarId), clock.instant());
        guarded("following an Interested click", () -> {
            Reply reply = handle(invocation);
            LOG.debug("{} on scheduled event {} ({}): {}", interested ? "Interested" : "Not interested",
                    event.getScheduledEvent().getId(), calendarId, Truncation.cut(reply.text(), 120));
        });
    }

    /**
     * A Subscribe or Unsubscribe button: its custom id says what to do, so it works on a message posted before a
     * restart. Its answer is personal, so the deferral is private; an id the bot does not know is explained
     * privately.
     */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<Modals.Target> form = Modals.parseOpen(event.getComponentId());
        if (form.isPresent()) {
            openForm(event, form.get());
            return;
        }
        Optional<Pager.Target> page = Pager.parse(event.getComponentId());
        if (page.isPresent()) {
            turnPage(event, page.get());
            return;
        }
        Optional<Buttons.Click> click = Buttons.click(event.getComponentId())
                .or(() -> Pager.parseRun(event.getComponentId()).map(t -> new Buttons.Click(t.command(), t.options())));
        if (click.isEmpty()) {
            String gone = labels(event).text("discord.button.gone", "This button is from an older message and no longer"
                    + " does anything; type /help to see what I can do.");
            event.reply(Messages.create(new Page(gone, List.of(), Mentions.NONE))).setEphemeral(true)
                    .queue(null, e -> LOG.warn("could not answer a button: {}", e.toString()));
            return;
        }
        Invocation invocation = Invocation.command(Mapping.actor(event.getUser(), event.getMember()),
                Mapping.place(event.getChannel()), click.get().command(), click.get().options(), clock.instant())
                .withLocale(Mapping.locale(event));
        event.deferReply(true).queue(null, e -> LOG.warn("could not defer a button: {}", e.toString()));
        InteractionHook hook = event.getHook();
        guarded("answering a button", () -> answer(hook, true, handle(invocation), invocation));
    }

    /**
     * A button that opens a staff form (Add an event, Edit, Fix it). Discord shows a modal only as the first answer
     * to the click, so core is asked before anything is sent: the modal, pre-filled, or core's reason privately (a
     * member is refused as for the command itself). Core answers in milliseconds; past {@link #FAST_ANSWER} the click
     * is answered with an apology instead, inside Discord's 3 s.
     */
    private void openForm(ButtonInteractionEvent event, Modals.Target target) {
        Invocation request = Invocation.command(Mapping.actor(event.getUser(), event.getMember()),
                Mapping.place(event.getChannel()), target.command(), target.options(), clock.instant())
                .withLocale(Mapping.locale(event));
        soon(() -> ask(() -> handler.form(request), request)).completeOnTimeout(null, FAST_ANSWER.toMillis(),
                TimeUnit.MILLISECONDS).whenComplete((reply, e) -> {
                    if (reply == null) {
                        privately(event, labels(event).text("discord.form.slow",
                                "Preparing that form took too long; please click again."));
                        return;
                    }
                    Optional<org.ccnsobot.port.Form> shown = Modals.form(reply.message());
                    Optional<Modal> modal = shown.flatMap(Modals::modal);
                    if (modal.isPresent()) {
                        event.replyModal(modal.get()).queue(null, x -> LOG.warn("could not open the {} form: {}",
                                target.command(), x.toString()));
                    } else if (shown.isPresent()) {
                        privately(event, labels(reply, request).text("discord.form.tooBig",
                                "That form does not fit Discord. {0}", reply.text()));
                    } else {
                        event.reply(Messages.create(Renderer.render(reply.message(), labels(reply, request)).get(0)))
                                .setEphemeral(true)
                                .queue(null, x -> LOG.warn("could not answer a form button: {}", x.toString()));
                    }
                });
    }

    /**
     * A submitted staff form: the typed command it fills in runs through core with the same checks as the slash
     * command. Answered at once when core is quick (so a mistake, with its Fix it button, is never shown in the
     * channel first as "thinking…"); a slow answer is deferred privately and follows.
     */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<Modals.Target> target = Modals.parseSubmit(event.getModalId());
        if (target.isEmpty()) {
            privately(event, labels(event).text("discord.form.gone", "This form is from an older version and no longer"
                    + " does anything; type /forms to open it again."));
            return;
        }
        Invocation filled = Invocation.command(Mapping.actor(event.getUser(), event.getMember()),
                Mapping.place(event.getChannel()), target.get().command(), Modals.options(target.get(), event.getValues()),
                clock.instant()).withLocale(Mapping.locale(event));
        CompletableFuture<Reply> answer = soon(() -> ask(() -> handler.submit(filled), filled));
        answer.copy().completeOnTimeout(null, FAST_ANSWER.toMillis(), TimeUnit.MILLISECONDS).whenComplete((reply, e) -> {
            if (e != null) {
                LOG.warn("could not answer a form: {}", Failures.unwrap(e).toString());
                return;
            }
            if (reply != null) {
                answerNow(event, reply, labels(reply, filled));
                return;
            }
            event.deferReply(true).queue(null, x -> LOG.warn("could not defer a form: {}", x.toString()));
            InteractionHook hook = event.getHook();
            answer.thenAccept(r -> answer(hook, true, r, filled));
        });
    }

    /** The first page as the interaction's own answer, the rest as follow-ups, all as private as core says. */
    private static void answerNow(net.dv8tion.jda.api.interactions.callbacks.IReplyCallback event, Reply reply,
                                  Labels labels) {
        List<Page> pages = Renderer.render(reply.message(), labels);
        CompletableFuture<?> chain = event.reply(Messages.create(pages.get(0))).setEphemeral(reply.personal()).submit();
        for (Page page : pages.subList(1, pages.size())) {
            chain = chain.thenCompose(x -> event.getHook().sendMessage(Messages.create(page))
                    .setEphemeral(reply.personal()).submit());
        }
        chain.whenComplete((x, e) -> {
            if (e != null) {
                LOG.warn("could not answer a form: {}", Failures.unwrap(e).toString());
            }
        });
    }

    /** The adapter's own words in the language of core's answer (core says it; else core's choice for the asker). */
    private Labels labels(Reply reply, Invocation invocation) {
        java.util.Locale said = reply.message().locale();
        return Labels.of(handler, said != null ? said : handler.languageOf(invocation.actor(), invocation.locale()));
    }

    /** The adapter's own words for the member behind an interaction core has not answered. */
    private Labels labels(net.dv8tion.jda.api.interactions.Interaction event) {
        return Labels.of(handler, handler.languageOf(Mapping.actor(event.getUser(), event.getMember()),
                Mapping.locale(event)));
    }

    private static void privately(net.dv8tion.jda.api.interactions.callbacks.IReplyCallback event, String text) {
        event.reply(Messages.create(new Page(Truncation.cut(text, Renderer.CONTENT_MAX), List.of(), Mentions.NONE)))
                .setEphemeral(true).queue(null, e -> LOG.warn("could not answer an interaction: {}", e.toString()));
    }

    /** Runs {@code work} on the adapter's executor; a closing adapter fails the future instead. */
    private CompletableFuture<Reply> soon(java.util.function.Supplier<Reply> work) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        try {
            executor.execute(() -> f.complete(work.get()));
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Core promises not to throw; if it does anyway, the member gets a reference instead of silence. */
    private static Reply ask(java.util.function.Supplier<Reply> core, Invocation invocation) {
        try {
            return core.get();
        } catch (RuntimeException e) {
            FaultReference ref = FaultReference.next();
            LOG.error("Fault {} while handling the {} form", ref, invocation.command(), e);
            return ref.reply();
        }
    }

    /** Previous / Next: core answers the same command again and the message shows the page asked for. */
    private void turnPage(ButtonInteractionEvent event, Pager.Target target) {
        Invocation invocation = Invocation.command(Mapping.actor(event.getUser(), event.getMember()),
                Mapping.place(event.getChannel()), target.command(), target.options(), clock.instant())
                .withLocale(Mapping.locale(event));
        event.deferEdit().queue(null, e -> LOG.warn("could not acknowledge a page button: {}", e.toString()));
        InteractionHook hook = event.getHook();
        guarded("turning a page", () -> {
            Reply reply = handle(invocation);
            Labels labels = labels(reply, invocation);
            List<Page> pages = Renderer.render(reply.message(), labels);
            int n = Math.min(target.page(), pages.size() - 1);
            List<net.dv8tion.jda.api.components.actionrow.ActionRow> rows = Pager.row(n, pages.size(), invocation, labels)
                    .map(List::of).orElse(List.of());
            Page shown = new Page(pages.get(n).content(), pages.get(n).embeds(), Mentions.NONE, rows);
            retry.submit("turning a page", invocation.receivedAt(), () -> hook.editOriginal(Messages.edit(shown)),
                    ReplyRetry::transientFailure).whenComplete((x, e) -> {
                        if (e != null) {
                            LOG.warn("could not show page {}: {}", n + 1, Failures.unwrap(e).toString());
                        }
                    });
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String option = event.getFocusedOption().getName();
        String prefix = event.getFocusedOption().getValue();
        OptionType type = event.getFocusedOption().getType();
        guarded("completing /" + event.getName(), () -> {
            List<Command.Choice> choices;
            try {
                // the member's own language, else their client's (fr, es-ES, es-419), so a committee reads as they do
                Locale language = handler.languageOf(Mapping.actor(event.getUser(), event.getMember()),
                        Mapping.locale(event));
                choices = handler.complete(event.getName(), option, prefix, AUTOCOMPLETE_MAX, language).stream()
                        .limit(AUTOCOMPLETE_MAX)
                        .filter(c -> type != OptionType.INTEGER || c.value().matches("-?\\d{1,18}"))
                        .map(c -> type == OptionType.INTEGER
                                ? new Command.Choice(Truncation.cut(c.label(), 100), Long.parseLong(c.value()))
                                : new Command.Choice(Truncation.cut(c.label(), 100), Truncation.cut(c.value(), 100)))
                        .collect(Collectors.toList());
            } catch (RuntimeException e) {
                LOG.warn("completion for /{} {} failed", event.getName(), option, e);
                choices = List.of();
            }
            event.replyChoices(choices).queue(null, e -> LOG.debug("autocomplete answer failed: {}", e.toString()));
        });
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot() || event.isWebhookMessage() || event.getAuthor().isSystem()) {
            return;
        }
        boolean direct = !event.isFromGuild();
        if (!direct && !event.getGuild().getId().equals(guildId)) {
            return;
        }
        Message message = event.getMessage();
        // Judged on the mention list, not the text: without the MESSAGE_CONTENT intent Discord delivers text
        // only for messages that mention the bot, and JDA warns when other content is read.
        if (!direct && !message.getMentions().getUsers().contains(event.getJDA().getSelfUser())) {
            return;
        }
        Pattern mention = Pattern.compile("<@!?" + event.getJDA().getSelfUser().getId() + ">");
        String raw = message.getContentRaw();
        String text = mention.matcher(raw).replaceAll(" ").strip().replaceAll("\\s+", " ");
        Invocation invocation = Invocation.text(Mapping.actor(event.getAuthor(), event.getMember()),
                Mapping.place(event.getChannel()), text.isEmpty() ? "help" : text, clock.instant());
        MessageChannel channel = event.getChannel();
        // Replying to a message needs Read Message History in a guild; without it the answer is sent unthreaded.
        boolean canReply = direct || event.getGuild().getSelfMember()
                .hasPermission(event.getGuildChannel(), Permission.MESSAGE_HISTORY);
        guarded("answering a message", () -> {
            Reply reply = handle(invocation);
            // Discord has no private replies outside interactions: a personal answer to a mention is given in
            // place; it concerns only what the member asked in that place.
            List<Page> pages = Renderer.render(reply.message(), labels(reply, invocation));
            CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                boolean first = i == 0;
                chain = chain.thenCompose(x -> {
                    var action = channel.sendMessage(Messages.create(page));
                    if (first && canReply) {
                        action = action.setMessageReference(message).failOnInvalidReply(false);
                    }
                    return action.submit();
                });
            }
            chain.whenComplete((x, e) -> {
                if (e != null) {
                    LOG.warn("could not answer a message in {}: {}", channel.getId(), Failures.unwrap(e).toString());
                }
            });
        });
    }

    /** Runs off JDA's event thread; a failure is logged rather than lost with a pool thread. */
    private void guarded(String what, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("{} failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{} dropped: the adapter is closing", what);
        }
    }

    private boolean staff(Invocation invocation) {
        try {
            return handler.isStaff(invocation.actor());
        } catch (RuntimeException e) {
            LOG.warn("could not ask core whether {} is staff; deferring privately", invocation.actor().userId(), e);
            return false;
        }
    }

    /** Core promises not to throw; if it does anyway, the member gets a reference instead of silence. */
    private Reply handle(Invocation invocation) {
        try {
            return handler.handle(invocation);
        } catch (RuntimeException e) {
            FaultReference ref = FaultReference.next();
            LOG.error("Fault {} while handling {}", ref, invocation.isTyped() ? "/" + invocation.command() : "a message", e);
            return ref.reply();
        }
    }
}
