package org.ccnsobot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.SubteamMembersChangedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.support.FaultReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what Slack delivers into invocations for core, and core's replies back into Slack messages. Words a member
 * types (the {@code /ccnso} text, a mention, a DM) reach core as plain words, exactly as on Discord and the
 * console; what the adapter itself offers (the Subscribe button, the App Home) reaches core as typed commands.
 *
 * <p>Slack wants an acknowledgement within 3 s, and in Socket Mode a handler that throws sends no ack at all, so
 * every Bolt handler here only records what arrived, hands the work to an executor and acks at once; the answer
 * follows through response_url or the Web API.
 */
final class SlackInbound {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInbound.class);
    private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);
    private static final Pattern KNOWN_LINKS = Pattern.compile("^(" + SlackRenderer.CALENDAR_ACTION + "|link_\\d+)$");
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");
    /** Core's commands behind the Subscribe button and the App Home, invoked typed. */
    static final String SUBSCRIBE = "subscribe";
    static final String NEXT = "next";
    static final String SUBSCRIPTIONS = "subscriptions";
    /** Slack accepts five posts to one response_url. */

    /** The parts of a slash command the adapter uses. */
    record SlashCommand(String userId, String userName, String channelId, String channelName, String text,
                        String responseUrl, String triggerId) {
        SlashCommand(String userId, String userName, String channelId, String channelName, String text,
                     String responseUrl) {
            this(userId, userName, channelId, channelName, text, responseUrl, null);
        }

        static SlashCommand of(SlashCommandPayload p) {
            return new SlashCommand(p.getUserId(), p.getUserName(), p.getChannelId(), p.getChannelName(),
                    p.getText(), p.getResponseUrl(), p.getTriggerId());
        }

        boolean direct() {
            return "directmessage".equals(channelName) || (channelId != null && channelId.startsWith("D"));
        }
    }

    /** Plain words from a mention or a DM. */
    record Words(String eventId, String userId, String channelId, String text, String ts, String threadTs,
                 boolean direct) {
    }

    /**
     * A click on one of core's buttons ({@code run_…}: a command; {@code form_…}: a form to open), from a message
     * (with its response_url) or the App Home (none: answers go by DM).
     */
    record Press(String userId, String channelId, String actionId, String value, String responseUrl,
                 String triggerId, String actionTs) {
        static Press of(BlockActionPayload p, BlockActionPayload.Action action) {
            String channel = p.getChannel() == null ? null : p.getChannel().getId();
            return new Press(p.getUser().getId(), channel, action.getActionId(), action.getValue(), p.getResponseUrl(),
                    p.getTriggerId(), action.getActionTs());
        }
    }

    /** A click on a Subscribe button. */
    record Click(String userId, String channelId, String eventId, String responseUrl, boolean fromHome,
                 String actionTs) {
        static Click of(BlockActionPayload p) {
            BlockActionPayload.Action action = p.getActions().get(0);
            String channel = p.getChannel() == null ? null : p.getChannel().getId();
            boolean home = p.getView() != null && "home".equals(p.getView().getType());
            return new Click(p.getUser().getId(), channel, action.getValue(), p.getResponseUrl(), home,
                    action.getActionTs());
        }
    }

    private final InboundHandler handler;
    private final StaffGroups staff;
    private final SlackSender sender;
    private final SlackRenderer renderer;
    private final Slack slack;
    private final MethodsClient methods;
    private final SlackCalls calls;
    private final Clock clock;
    private final Executor work;
    private final String botUserId;
    private final SlackLocales locales;
    private final SlackHome home;
    private final SlackResponses responses;
    private final SlackModals modals;
    private static final Duration SEEN_FOR = Duration.ofHours(1);
    /** Slack redelivers events it thinks were lost; each is handled once. */
    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(50_000).build();

    SlackInbound(InboundHandler handler, StaffGroups staff, SlackSender sender, SlackRenderer renderer, Slack slack,
                 MethodsClient methods, SlackCalls calls, Clock clock, Executor work, String botUserId,
                 SlackLocales locales) {
        this.handler = handler;
        this.staff = staff;
        this.sender = sender;
        this.renderer = renderer;
        this.slack = slack;
        this.methods = methods;
        this.calls = calls;
        this.clock = clock;
        this.work = work;
        this.botUserId = botUserId;
        this.locales = locales;
        SlackTexts texts = new SlackTexts(handler);
        this.responses = new SlackResponses(slack, renderer, texts);
        this.home = new SlackHome(handler, renderer, methods, calls, clock, texts, id -> actor(id, null), this::locale);
        this.modals = new SlackModals(handler, methods, calls, clock, work, this::deliver, texts, this::locale);
    }

    void register(App app) {
        app.command(SlackHelp.SLASH, (req, ctx) -> {
            guard("slash command", () -> onCommand(SlashCommand.of(req.getPayload())));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getBotId() == null && e.getUser() != null && !e.getUser().equals(botUserId)) {
                guard("mention", () -> onWords(new Words(payload.getEventId(), e.getUser(), e.getChannel(),
                        e.getText(), e.getTs(), e.getThreadTs(), false)));
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            // message.im only; Bolt routes edits, joins and bot posts (subtypes) to other classes, bot_id catches the rest
            if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null
                    && !e.getUser().equals(botUserId)) {
                guard("direct message", () -> onWords(new Words(payload.getEventId(), e.getUser(), e.getChannel(),
                        e.getText(), e.getTs(), e.getThreadTs(), true)));
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && firstTime("event:" + payload.getEventId())) {
                guard("app home", () -> work.execute(() -> {
                    if (firstInDatabase("event:" + payload.getEventId())) {
                        publishHome(e.getUser(), e.getChannel());
                    }
                }));
            }
            return ctx.ack();
        });
        app.event(SubteamMembersChangedEvent.class, (payload, ctx) -> {
            staff.invalidate();
            return ctx.ack();
        });
        // One handler for every action id: Bolt keeps its handlers in a HashMap, so a catch-all beside specific
        // patterns would win at random. An action nobody handles (an old message's button, a renamed id) is still
        // acked, or Slack shows the member an error; link buttons (calendar, event links) open in the browser and
        // Slack still reports the click.
        app.blockAction(ANY, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            boolean subscribe = p.getActions() != null && p.getActions().stream()
                    .anyMatch(a -> SlackRenderer.SUBSCRIBE_ACTION.equals(a.getActionId()));
            BlockActionPayload.Action ours = p.getActions() == null ? null : p.getActions().stream()
                    .filter(a -> String.valueOf(a.getActionId()).startsWith(SlackRenderer.RUN_ACTION)
                            || String.valueOf(a.getActionId()).startsWith(SlackRenderer.FORM_ACTION))
                    .findFirst().orElse(null);
            if (subscribe) {
                guard("subscribe button", () -> onClick(Click.of(p)));
            } else if (ours != null) {
                guard("button", () -> onPress(Press.of(p, ours)));
            } else if (p.getActions() != null && p.getActions().stream().noneMatch(a -> KNOWN_LINKS.matcher(
                    String.valueOf(a.getActionId())).matches())) {
                LOG.debug("acked an action the bot does not handle: {}", p.getActions().stream()
                        .map(BlockActionPayload.Action::getActionId).toList());
            }
            return ctx.ack();
        });
        // The staff forms; whatever else Slack delivers (a form of another app version, a shortcut) is acked all the same.
        app.viewSubmission(ANY, (req, ctx) -> {
            try {
                String callback = req.getPayload().getView().getCallbackId();
                if (SlackModals.CALLBACK.equals(callback) || SlackModals.PICK.equals(callback)) {
                    return modals.submit(req.getPayload(), ctx, actor(req.getPayload().getUser().getId(), null));
                }
            } catch (RuntimeException e) {
                LOG.error("could not take a form's submission in hand", e);
            }
            return ctx.ack();
        });
        app.viewClosed(ANY, (req, ctx) -> ctx.ack());
        app.globalShortcut(ANY, (req, ctx) -> ctx.ack());
        app.messageShortcut(ANY, (req, ctx) -> ctx.ack());
        app.blockSuggestion(ANY, (req, ctx) -> ctx.ack());
    }

    void onCommand(SlashCommand c) {
        work.execute(() -> {
            Reply reply;
            try {
                Actor actor = actor(c.userId(), c.userName());
                Place place = new Place("slack", c.channelId(), c.direct());
                String text = unescape(c.text()).strip();
                java.util.Optional<SlackModals.Ask> form = c.triggerId() == null ? java.util.Optional.empty()
                        : SlackModals.ask(text);
                if (form.isPresent() && staff(actor)) {
                    // a staff form instead of a usage line; a member gets the command's own refusal below
                    modals.open(c.triggerId(), actor, place, form.get(), c.responseUrl());
                    return;
                }
                reply = helpFor(text, actor);
                if (reply == null) {
                    reply = handler.handle(Invocation.text(actor, place, text, clock.instant()).withLocale(locale(actor)));
                }
            } catch (RuntimeException e) {
                reply = fault("/ccnso " + c.text(), e);
            }
            respondToCommand(c, reply);
        });
    }

    void onWords(Words w) {
        if (w.eventId() != null && !firstTime("event:" + w.eventId())) {
            LOG.debug("event {} delivered again; already handled", w.eventId());
            return;
        }
        work.execute(() -> {
            if (w.eventId() != null && !firstInDatabase("event:" + w.eventId())) {
                LOG.debug("event {} was handled before a restart; not again", w.eventId());
                return;
            }
            Reply reply;
            String text = MENTION.matcher(unescape(w.text())).replaceAll(" ").strip();
            try {
                Actor actor = actor(w.userId(), null);
                reply = helpFor(text, actor);
                if (reply == null) {
                    Place place = new Place("slack", w.channelId(), w.direct());
                    // plain words, as on Discord and the console: core tells a command from a question
                    reply = handler.handle(Invocation.text(actor, place, text, clock.instant()).withLocale(locale(actor)));
                }
            } catch (RuntimeException e) {
                reply = fault(text, e);
            }
            String thread = w.direct() ? w.threadTs() : (w.threadTs() != null ? w.threadTs() : w.ts());
            Reply answer = reply;
            (answer.personal() && !w.direct()
                    ? sender.postEphemeral(w.channelId(), w.userId(), answer.message(), thread)
                    : sender.post(w.channelId(), answer.message(), thread))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            LOG.warn("could not answer {} in {}: {}", w.userId(), w.channelId(), e.getMessage());
                        }
                    });
        });
    }

    void onClick(Click click) {
        if (!firstTime("action:" + click.userId() + ":" + click.actionTs())) {
            return;
        }
        work.execute(() -> {
            if (!firstInDatabase("action:" + click.userId() + ":" + click.actionTs())) {
                return;
            }
            Reply reply;
            try {
                Actor actor = actor(click.userId(), null);
                String channel = click.channelId() == null ? click.userId() : click.channelId();
                Place place = new Place("slack", channel, click.channelId() == null || click.channelId().startsWith("D"));
                reply = handler.handle(Invocation.command(actor, place, SUBSCRIBE,
                        Map.of(firstOption(SUBSCRIBE, "topic"), click.eventId()), clock.instant())
                        .withLocale(locale(actor)));
            } catch (RuntimeException e) {
                reply = fault("the Subscribe button on " + click.eventId(), e);
            }
            if (click.responseUrl() != null && !click.responseUrl().isBlank()) {
                responses.privately(click.responseUrl(), reply, reader(actor(click.userId(), null)));
            } else {
                // a click on the Home tab has nowhere to answer in place: the answer goes to the member's DM
                sender.send(new Destination.DirectMessage("slack", click.userId()), reply.message())
                        .whenComplete((ok, e) -> {
                            if (e != null) {
                                LOG.warn("could not confirm a subscription to {}: {}", click.userId(), e.getMessage());
                            }
                        });
            }
            if (click.fromHome()) {
                publishHome(click.userId(), click.userId());
            }
        });
    }

    /**
     * A core button: a command runs through core as a typed invocation (core checks staff on every click), its answer
     * only for the clicker; a form button opens the form (core refuses a member's).
     */
    void onPress(Press press) {
        java.util.Optional<SlackRenderer.ButtonValue> value = SlackRenderer.ButtonValue.decode(press.value());
        if (value.isEmpty() || !firstTime("action:" + press.userId() + ":" + press.actionTs())) {
            return;
        }
        boolean form = press.actionId().startsWith(SlackRenderer.FORM_ACTION);
        work.execute(() -> {
            Actor actor = actor(press.userId(), null);
            try {
                String channel = press.channelId() == null ? press.userId() : press.channelId();
                Place place = new Place("slack", channel, press.channelId() == null || press.channelId().startsWith("D"));
                if (form) {
                    // trigger_id lasts 3 s: the form opens before the database hears of the click
                    modals.open(press.triggerId(), actor, place, new SlackModals.Ask(value.get().c(), value.get().o()),
                            press.responseUrl());
                    return;
                }
                if (!firstInDatabase("action:" + press.userId() + ":" + press.actionTs())) {
                    return;
                }
                Reply reply = handler.handle(Invocation.command(actor, place, value.get().c(), value.get().o(),
                        clock.instant()).withLocale(locale(actor)));
                deliver(reply, press.responseUrl(), actor);
            } catch (RuntimeException e) {
                deliver(fault("a button (" + value.get().c() + ")", e), press.responseUrl(), actor);
            }
        });
    }

    /**
     * A reply to a button or a form, only for the member: where it came from (its response_url), else their DM
     * (the App Home has neither).
     */
    void deliver(Reply reply, String responseUrl, Actor actor) {
        if (responseUrl != null && !responseUrl.isBlank()) {
            responses.privately(responseUrl, reply, reader(actor));
            return;
        }
        sender.send(new Destination.DirectMessage("slack", actor.userId()), reply.message()).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warn("could not answer {} by DM: {}", actor.userId(), e.getMessage());
            }
        });
    }

    /** App Home: see {@link SlackHome}. */
    void publishHome(String userId, String channelId) {
        home.publish(userId, channelId);
    }

    /** The name core declares for the first option of {@code command}, or {@code fallback} if it declares none. */
    private String firstOption(String command, String fallback) {
        return handler.commands().stream().filter(c -> c.name().equals(command)).findFirst()
                .filter(c -> !c.options().isEmpty()).map(c -> c.options().get(0).name()).orElse(fallback);
    }

    /** {@code /ccnso}, {@code /ccnso help} and {@code /ccnso help <command>} come from core's declarations. */
    /** Help from core's command list; staff commands only for staff (core says who is staff). */
    Reply helpFor(String text, Actor actor) {
        String[] words = text.isBlank() ? new String[0] : text.split("\\s+");
        boolean help = words.length == 0 || words[0].equalsIgnoreCase("help");
        if (!help || words.length > 2) {
            return null;
        }
        java.util.Locale language = handler.languageOf(actor, locale(actor));
        if (language != null && !language.getLanguage().equals("en")) {
            return null;   // core's own help is in the member's language; this one, with Slack's syntax, is English
        }
        List<CommandInfo> commands = handler.commands();
        if (!staff(actor)) {
            commands = commands.stream().filter(c -> !c.staffOnly()).toList();
        }
        if (words.length <= 1) {
            return Reply.personally(SlackHelp.overview(commands));
        }
        return SlackHelp.details(commands, words[1]).map(Reply::personally).orElse(null);
    }

    private boolean staff(Actor actor) {
        try {
            return handler.isStaff(actor);
        } catch (RuntimeException e) {
            LOG.warn("could not ask core whether {} is staff; showing member help", actor.userId(), e);
            return false;
        }
    }

    /** The language of the adapter's own words for {@code actor} (card buttons), as core decides it. */
    private java.util.Locale reader(Actor actor) {
        try {
            return handler.languageOf(actor, locale(actor));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The member's Slack locale, for core to use when they have not chosen a language. */
    private java.util.Locale locale(Actor actor) {
        return locales == null ? null : locales.of(actor.userId());
    }

    Actor actor(String userId, String displayName) {
        Set<String> groups = staff.groupsOf(userId);
        return new Actor("slack", userId, displayName, groups);
    }

    private void respondToCommand(SlashCommand c, Reply reply) {
        responses.toCommand(c.responseUrl(), reply, reader(actor(c.userId(), c.userName())));
    }

    private static Reply fault(String what, RuntimeException e) {
        FaultReference ref = FaultReference.next();
        LOG.error("Fault {} while handling '{}'", ref, what, e);
        return ref.reply();
    }

    /** Socket Mode sends no ack for a handler that throws, and Slack then redelivers: never let one escape. */
    private static void guard(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("could not take the {} in hand", what, e);
        }
    }

    /** In memory, on the ack path: cheap, this process only. */
    private boolean firstTime(String key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    /**
     * In core's database, on the work executor (never on the ack path), so a redelivery after a restart is known
     * too. Called after {@link #firstTime} said yes.
     */
    private boolean firstInDatabase(String key) {
        try {
            return handler.firstDelivery("slack:" + key, SEEN_FOR);
        } catch (RuntimeException e) {
            LOG.warn("could not ask core whether {} was seen; handling it", key, e);
            return true;
        }
    }

    /** Slack sends &, < and > as entities in message and command text; core reads what the member typed. */
    static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
