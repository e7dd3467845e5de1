package org.ccnsobot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat port on Slack through Bolt for Java: Socket Mode by default (no public address needed), HTTP mode on
 * {@link org.ccnsobot.port.support.http.HttpListener} (read time-outs, many workers) as an option.
 */
final class SlackPlatform implements ChatPlatform {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    static final String PATH = "/slack/events";

    private final SlackSettings settings;
    private final PlatformContext context;

    private Slack slack;
    private App app;
    private SocketModeApp socketMode;
    private org.ccnsobot.port.support.http.HttpListener httpServer;
    private java.util.concurrent.ScheduledExecutorService refusalTimer;
    private volatile org.ccnsobot.port.support.http.HttpListener.Limits httpLimits = org.ccnsobot.port.support.http.HttpListener.Limits.DEFAULT;
    private ExecutorService io;
    private ExecutorService work;
    private SlackSender sender;
    private volatile boolean started;

    SlackPlatform(SlackSettings settings, PlatformContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public String id() {
        return "slack";
    }

    /** Connected from a successful start (the auth test and channel checks passed) until close. */
    @Override
    public boolean connected() {
        return started;
    }

    /** From the typed settings: {@code announcementChannel}, {@code staffChannel}, {@code scheduleChannel}. */
    @Override
    public java.util.Optional<String> channel(ChannelRole role) {
        return settings.channel(role);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DM, Capability.THREADS, Capability.RICH_LAYOUT, Capability.EPHEMERAL,
                Capability.LOCAL_TIME_TOKENS, Capability.EDIT);
    }

    @Override
    public synchronized void start(InboundHandler handler) throws PlatformException {
        if (started) {
            throw new PlatformException("the Slack adapter is already started", false);
        }
        try {
            doStart(handler);
            started = true;
        } catch (PlatformException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void doStart(InboundHandler handler) throws PlatformException {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        // Bolt's stats thread polls metrics forever and is of no use to us
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        slack = Slack.getInstance(config);
        io = Executors.newFixedThreadPool(4, daemon("slack-io"));
        work = Executors.newFixedThreadPool(4, daemon("slack-work"));
        SlackCalls calls = new SlackCalls(io, 5, Duration.ofSeconds(60));
        MethodsClient methods = slack.methods(settings.botToken().reveal());

        AuthTestResponse auth;
        try {
            auth = calls.await("auth.test", () -> methods.authTest(r -> r), START_TIMEOUT);
        } catch (PlatformException e) {
            throw new PlatformException("slack.botToken: Slack refused the bot token (" + e.getMessage() + ")",
                    e.isTransient(), e);
        }
        LOG.info("Slack: signed in as {} ({}) in team {}", auth.getUser(), auth.getUserId(), auth.getTeam());

        checkChannel(calls, methods, "slack.announcementChannel", settings.announcementChannel());
        checkChannel(calls, methods, "slack.staffChannel", settings.staffChannel());
        checkChannel(calls, methods, "slack.scheduleChannel", settings.scheduleChannel());

        StaffGroups staff = new StaffGroups(settings.staffGroups(), id -> new HashSet<>(calls.await(
                "usergroups.users.list", () -> methods.usergroupsUsersList(r -> r.usergroup(id)), START_TIMEOUT)
                .getUsers()), Duration.ofMinutes(5), Ticker.systemTicker());
        staff.verify();

        SlackRenderer renderer = new SlackRenderer(settings.calendarUrl(), new SlackTexts(handler));
        sender = new SlackSender(methods, calls, renderer);
        Clock clock = context.clock();
        SlackLocales locales = new SlackLocales(id -> Optional.ofNullable(calls.await("users.info",
                () -> methods.usersInfo(r -> r.user(id).includeLocale(true)), Duration.ofSeconds(5)).getUser())
                .map(u -> u.getLocale()), Duration.ofHours(12), 10_000);
        SlackInbound inbound = new SlackInbound(handler, staff, sender, renderer, slack, methods, calls, clock, work,
                auth.getUserId(), locales);

        AppConfig appConfig = new AppConfig();
        appConfig.setSlack(slack);
        // every value is set explicitly: AppConfig otherwise falls back to SLACK_* environment variables
        appConfig.setSingleTeamBotToken(settings.botToken().reveal());
        appConfig.setSigningSecret(settings.signingSecret() == null ? "" : settings.signingSecret().reveal());
        appConfig.setRequestVerificationEnabled(settings.httpMode());
        appConfig.setAllEventsApiAutoAckEnabled(true);
        appConfig.setSubtypedMessageEventsAutoAckEnabled(true);
        appConfig.setAppPath(PATH);
        app = new App(appConfig);
        inbound.register(app);

        if (settings.httpMode()) {
            startHttp(handler);
        } else {
            startSocketMode();
        }
    }

    /**
     * A channel the bot posts to on its own must exist and have the bot in it, or the first reminder would fail
     * for good: the start is refused naming the setting, as on Discord. Needs channels:read (groups:read for a
     * private channel).
     */
    private static void checkChannel(SlackCalls calls, MethodsClient methods, String setting, String channel)
            throws PlatformException {
        if (channel == null) {
            return;
        }
        com.slack.api.methods.response.conversations.ConversationsInfoResponse info;
        try {
            info = calls.await("conversations.info", () -> methods.conversationsInfo(r -> r.channel(channel)),
                    START_TIMEOUT);
        } catch (PlatformException e) {
            throw new PlatformException(setting + ": cannot read channel " + channel + " (" + e.getMessage()
                    + "); check the id, and that the app has the channels:read and groups:read scopes", e.isTransient(), e);
        }
        if (info.getChannel() == null) {
            throw new PlatformException(setting + ": Slack has no channel " + channel, false);
        }
        if (info.getChannel().isArchived()) {
            throw new PlatformException(setting + ": channel " + channel + " is archived", false);
        }
        if (!info.getChannel().isMember() && !info.getChannel().isIm()) {
            throw new PlatformException(setting + ": the bot is not in channel " + channel
                    + " (#" + info.getChannel().getName() + "); invite it there with /invite @the-bot", false);
        }
    }

    private void startSocketMode() throws PlatformException {
        try {
            socketMode = new SocketModeApp(settings.appToken().reveal(), SocketModeClient.Backend.JavaWebSocket, app);
            socketMode.startAsync();
            LOG.info("Slack: Socket Mode connection opened");
        } catch (Exception e) {
            throw new PlatformException("slack.appToken: cannot open a Socket Mode connection (" + e.getMessage()
                    + "); the app-level token needs the connections:write scope", false, e);
        }
    }

    private void startHttp(InboundHandler handler) throws PlatformException {
        try {
            app.start();
            // every request has its own worker with read time-outs: idle or trickling connections cannot hold up
            // a signed request, and a slow core answer never delays the next request's ack
            SlackHttpEndpoint endpoint = new SlackHttpEndpoint(app, new SlackRequestParser(app.config()),
                    settings.signingSecret().reveal(), Clock.systemUTC(), handler::firstDelivery);
            httpServer = org.ccnsobot.port.support.http.HttpListener.start(new InetSocketAddress(settings.bindAddress(),
                    settings.port()), "slack-http", PATH, endpoint, httpLimits);
            refusalTimer = Executors.newSingleThreadScheduledExecutor(daemon("slack-refusals"));
            refusalTimer.scheduleAtFixedRate(() -> endpoint.refusals().flushIfDue(), 1, 1, TimeUnit.MINUTES);
            LOG.info("Slack: HTTP mode listening on {}:{}{}", settings.bindAddress(), boundPort(), PATH);
        } catch (IOException e) {
            throw new PlatformException("slack.port: cannot listen on " + settings.bindAddress() + ":"
                    + settings.port() + " (" + e.getMessage() + ")", false, e);
        }
    }

    /** For tests: shorter read time-outs or fewer workers for HTTP mode; before {@link #start}. */
    void httpLimits(org.ccnsobot.port.support.http.HttpListener.Limits limits) {
        this.httpLimits = limits;
    }

    /** The HTTP port actually bound (useful with port 0). */
    int boundPort() {
        return httpServer == null ? -1 : httpServer.port();
    }

    @Override
    public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        SlackSender s = sender;
        if (s == null) {
            return CompletableFuture.failedFuture(new PlatformException("the Slack adapter is not started", true));
        }
        return s.send(destination, message);
    }

    /**
     * The workspace-wide budget for chat.postMessage: Slack's "special" tier allows one message per second in each
     * channel and "several hundred per minute" across the workspace; 5 a second (300 a minute) stays inside it, so
     * a 300-DM fan-out takes about a minute and meets no 429.
     */
    static final org.ccnsobot.port.SendLimits WORKSPACE_LIMITS = new org.ccnsobot.port.SendLimits(5.0, 5);

    /** One message per second in each channel or DM, with a short burst. */
    static final org.ccnsobot.port.SendLimits CHANNEL_LIMITS = new org.ccnsobot.port.SendLimits(1.0, 3);

    @Override
    public org.ccnsobot.port.SendLimits sendLimits() {
        return WORKSPACE_LIMITS;
    }

    @Override
    public org.ccnsobot.port.SendLimits destinationLimits() {
        return CHANNEL_LIMITS;
    }

    /**
     * Looks for a keyed message among the recent history of the channel or DM (a DM's channel through
     * conversations.open). Only the ledger asks, for deliveries a crash interrupted; an ordinary send never looks.
     */
    @Override
    public CompletableFuture<java.util.Optional<SentRef>> findDelivered(Destination destination, String idempotencyKey) {
        SlackSender s = sender;
        if (s == null) {
            return CompletableFuture.completedFuture(java.util.Optional.empty());
        }
        return s.channelFor(destination).thenCompose(channel -> s.findDelivered(channel, idempotencyKey)
                .thenApply(ts -> ts.map(t -> new SentRef("slack", channel, t))));
    }

    /** Slack's text limit per message; paragraphs go in section blocks of at most 3000 characters each. */
    @Override
    public int maxTextLength() {
        return SlackRenderer.MAX_MESSAGE_TEXT;
    }

    @Override
    public int maxBlockLength() {
        return SlackRenderer.MAX_SECTION_TEXT;
    }

    @Override
    public CompletableFuture<Void> edit(SentRef ref, OutgoingMessage message) {
        SlackSender s = sender;
        if (s == null) {
            return CompletableFuture.failedFuture(new PlatformException("the Slack adapter is not started", true));
        }
        return s.edit(ref, message);
    }

    @Override
    public CompletableFuture<Void> delete(SentRef ref) {
        SlackSender s = sender;
        if (s == null) {
            return CompletableFuture.failedFuture(new PlatformException("the Slack adapter is not started", true));
        }
        return s.delete(ref);
    }

    @Override
    public synchronized void close() {
        started = false;
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.debug("closing Socket Mode", e);
            }
            socketMode = null;
        }
        if (httpServer != null) {
            httpServer.close();
            refusalTimer.shutdownNow();
            httpServer = null;
        }
        if (app != null) {
            try {
                app.stop();
            } catch (Exception e) {
                LOG.debug("stopping Bolt", e);
            }
            app = null;
        }
        shutdown(work);
        shutdown(io);
        if (slack != null) {
            try {
                slack.close();
            } catch (Exception e) {
                LOG.debug("closing the Slack client", e);
            }
            slack = null;
        }
        sender = null;
    }

    private static void shutdown(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    PlatformContext context() {
        return context;
    }
}
