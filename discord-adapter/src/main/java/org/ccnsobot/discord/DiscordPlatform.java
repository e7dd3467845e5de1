// Over 500 lines on purpose: the whole ChatPlatform port for Discord (start-up checks, sends, edits, look-before-resend, mirroring) in one place; each call delegates to a small helper class beside it.
package org.ccnsobot.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.EventMirror;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The chat port on Discord through JDA, plus the guild's scheduled events as an {@link EventMirror}. */
final class DiscordPlatform implements ChatPlatform, EventMirror {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Message content of mentions and DMs reaches a bot without the privileged MESSAGE_CONTENT intent, so the bot
     * asks only for what it reads: guild messages (for mentions), direct messages, and the server's scheduled events
     * (so a member's "Interested" on a mirrored event reaches it; not privileged either).
     */
    static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES,
            GatewayIntent.SCHEDULED_EVENTS);
    static final Set<Permission> NEEDED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS);

    private final DiscordSettings settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final java.util.concurrent.ScheduledExecutorService retryTimer;
    private final ReplyRetry replyRetry;
    private final List<String> diagnostics = new ArrayList<>();
    private final DmChannels dms = new DmChannels();
    private volatile JDA jda;
    /** Core, once started: it words the adapter's own labels in the language each message is written in. */
    private volatile InboundHandler core;
    private volatile ScheduledEvents events;

    DiscordPlatform(DiscordSettings settings, PlatformContext context) {
        this.settings = settings;
        this.clock = context == null || context.clock() == null ? Clock.systemUTC() : context.clock();
        this.executor = Executors.newFixedThreadPool(4, daemonThreads());
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "discord-reply-retry");
            t.setDaemon(true);
            return t;
        });
        this.replyRetry = new ReplyRetry(retryTimer, clock, ReplyRetry.Policy.DEFAULT);
    }

    /** For tests: a faster back-off for answers to interactions. */
    void replyRetry(ReplyRetry.Policy policy) {
        replyRetry.policy(policy);
    }

    @Override
    public String id() {
        return Mapping.PLATFORM;
    }

    /** Connected while JDA's gateway session is up; false while it reconnects and after close. */
    @Override
    public boolean connected() {
        JDA current = jda;
        return current != null && current.getStatus() == JDA.Status.CONNECTED;
    }

    /**
     * Discord allows 50 requests a second per bot (over all routes but interaction answers, which are exempt), and
     * a DM costs two when its channel is not yet known ({@link DmChannels}): opening it, then the message. JDA keeps
     * to each route's bucket by its headers but does not pace the global limit, so the outbox does: 16 sends a second
     * with a burst of 2 is at most 18 in any second, 36 requests, which leaves room for the rest of the bot's traffic
     * and for sends bunched by a pause. 300 DMs take about 19 s against bench-fanout's fake (at 10 a second with a
     * burst of 10 they took 29 s, peaking at 40 requests a second).
     */
    @Override
    public org.ccnsobot.port.SendLimits sendLimits() {
        return new org.ccnsobot.port.SendLimits(16, 2);
    }

    /** Five messages per five seconds in any one channel or DM. */
    @Override
    public org.ccnsobot.port.SendLimits destinationLimits() {
        return new org.ccnsobot.port.SendLimits(1, 5);
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
    public void start(InboundHandler handler) throws PlatformException {
        if (jda != null) {
            throw new PlatformException("the Discord adapter is already started", false);
        }
        Inbound inbound = new Inbound(handler, executor, clock, settings.guildId(), replyRetry);
        this.core = handler;
        JDA built = connect(inbound);
        try {
            awaitReady(built, inbound);
            Guild guild = built.getGuildById(settings.guildId());
            if (guild == null) {
                throw new PlatformException("discord.guildId: the bot is not in the server (guild) "
                        + settings.guildId() + "; invite it with the bot and applications.commands scopes", false);
            }
            GuildMessageChannel announcements = channel(guild, "announcementChannel", settings.announcementChannel());
            check(guild, "announcementChannel", announcements);
            if (settings.staffChannel() != null) {
                check(guild, "staffChannel", channel(guild, "staffChannel", settings.staffChannel()));
            }
            if (settings.scheduleChannel() != null) {
                check(guild, "scheduleChannel", channel(guild, "scheduleChannel", settings.scheduleChannel()));
            }
            if (!guild.getSelfMember().hasPermission(Permission.MANAGE_EVENTS)) {
                diagnose("discord.guildId: the bot lacks MANAGE_EVENTS, so the calendar cannot be mirrored as the server's events");
            }
            Map<String, CommandInfo> usable = SlashCommands.usable(handler.commands());
            // Known before registering, so an interaction racing the registration is not told the command is gone.
            inbound.commands(usable);
            // A full overwrite, so a command core dropped disappears from Discord instead of lingering.
            guild.updateCommands().addCommands(SlashCommands.data(usable, handler::translation)).submit()
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            events = new ScheduledEvents(() -> guildOrThrow(built));
            jda = built;
            LOG.info("Discord adapter ready in guild {} with {} slash commands", guild.getName(), usable.size());
        } catch (PlatformException e) {
            shutdown(built);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(built);
            throw new PlatformException("interrupted while connecting to Discord", true, e);
        } catch (Exception e) {
            shutdown(built);
            PlatformException p = Failures.map(e, "registering the slash commands");
            throw new PlatformException(p.getMessage() + " (the invite needs the applications.commands scope)",
                    p.isTransient(), e);
        }
    }

    private JDA connect(Inbound inbound) throws PlatformException {
        JDABuilder builder = JDABuilder.createLight(settings.token().reveal(), INTENTS)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                // JDA hands over "Interested" clicks only for scheduled events it has cached
                .enableCache(CacheFlag.SCHEDULED_EVENTS)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setRestConfig(new RestConfig().setBaseUrl(settings.restBaseUrl()))
                .setSessionController(new FixedGateway(settings.gatewayUrl()))
                // Plain JSON frames: one guild's traffic is small, and it keeps the gateway easy to fake in tests.
                .setCompression(Compression.NONE)
                // close() shuts JDA down in order; a JVM hook would race core's own shutdown.
                .setEnableShutdownHook(false)
                .setAutoReconnect(true)
                .addEventListeners(inbound);
        try {
            return builder.build();
        } catch (InvalidTokenException e) {
            throw new PlatformException("discord.token: Discord refused the bot token (401 from /users/@me); "
                    + "copy a fresh token from the Developer Portal into DISCORD_TOKEN", false);
        } catch (RuntimeException e) {
            throw new PlatformException("could not reach Discord at " + settings.restBaseUrl() + ": " + e.getMessage(),
                    true, e);
        }
    }

    private static void awaitReady(JDA built, Inbound inbound) throws PlatformException, InterruptedException {
        // JDA's awaitReady() waits forever; a bounded wait turns a stuck gateway into a clear start-up failure.
        try {
            inbound.ready().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new PlatformException("discord.gatewayUrl: no READY from the Discord gateway within "
                    + READY_TIMEOUT.toSeconds() + " s", true, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new PlatformException("discord.token: " + e.getCause().getMessage(), false, e);
        }
    }

    private static GuildMessageChannel channel(Guild guild, String key, String id) throws PlatformException {
        GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            throw new PlatformException("discord." + key + ": there is no text channel " + id + " in " + guild.getName()
                    + " that the bot can see", false);
        }
        return channel;
    }

    private void check(Guild guild, String key, GuildMessageChannel channel) {
        Member self = guild.getSelfMember();
        EnumSet<Permission> missing = EnumSet.noneOf(Permission.class);
        for (Permission p : NEEDED) {
            if (!self.hasPermission(channel, p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            diagnose("discord." + key + ": the bot lacks " + missing.stream().map(Permission::getName).toList()
                    + " in #" + channel.getName() + " (" + channel.getId() + "); posts there will fail until a moderator grants "
                    + (missing.size() == 1 ? "it" : "them"));
        }
    }

    private void diagnose(String problem) {
        synchronized (diagnostics) {
            diagnostics.add(problem);
        }
        LOG.warn("{}", problem);
    }

    /** Problems found at start that do not stop the bot (missing permissions), worded for the operator. */
    List<String> diagnostics() {
        synchronized (diagnostics) {
            return List.copyOf(diagnostics);
        }
    }

    @Override
    public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        JDA current = jda;
        String what = destination instanceof Destination.DirectMessage d ? "a DM to user " + d.userId()
                : "a post to channel " + ((Destination.Channel) destination).channelId();
        if (current == null) {
            return CompletableFuture.failedFuture(new PlatformException(what + " failed: the Discord adapter is not connected", true));
        }
        CompletableFuture<SentRef> result = new CompletableFuture<>();
        try {
            List<Page> pages = Renderer.render(message, Labels.of(core, message.locale()));
            onDestination(current, destination, channel -> sendPages(channel, pages, message.idempotencyKey()))
                    .whenComplete((ref, e) -> {
                        if (e == null) {
                            result.complete(ref);
                        } else {
                            result.completeExceptionally(Failures.map(e, what));
                        }
                    });
        } catch (RuntimeException e) {
            result.completeExceptionally(Failures.map(e, what));
        }
        return result;
    }

    /**
     * Whether a keyed message landed: its reference ({@link References}) among the last 100 messages of the channel
     * or DM, posted by the bot. The ledger asks this for deliveries a crash interrupted, so a restart later than
     * Discord's nonce window (a few minutes) does not post them twice. Needs Read Message History in channels.
     */
    @Override
    public CompletableFuture<java.util.Optional<SentRef>> findDelivered(Destination destination, String idempotencyKey) {
        JDA current = jda;
        if (current == null || idempotencyKey == null || idempotencyKey.isBlank()) {
            return CompletableFuture.completedFuture(java.util.Optional.empty());
        }
        String ref = References.of(idempotencyKey, 0);
        String self = current.getSelfUser().getId();
        CompletableFuture<java.util.Optional<SentRef>> result = new CompletableFuture<>();
        try {
            onDestination(current, destination, channel -> channel.getHistory().retrievePast(References.HISTORY).submit()
                            .thenApply(messages -> messages.stream()
                                    .filter(m -> m.getAuthor().getId().equals(self) && References.carries(m.getContentRaw(), ref))
                                    .map(m -> new SentRef(Mapping.PLATFORM, channel.getId(), m.getId())).findFirst()))
                    .whenComplete((found, e) -> {
                        if (e == null) {
                            result.complete(found);
                        } else {
                            result.completeExceptionally(Failures.map(e, "reading recent messages for " + ref));
                        }
                    });
        } catch (RuntimeException e) {
            result.completeExceptionally(Failures.map(e, "reading recent messages for " + ref));
        }
        return result;
    }

    /** Discord's limit for a message's content; core splits announcements to fit. */
    @Override
    public int maxTextLength() {
        return Renderer.CONTENT_MAX;
    }

    /**
     * Edits a message the bot posted (PATCH /channels/{id}/messages/{id}) with the same rendering and the same
     * allowed_mentions rule as a new one. Only single-page messages can be edited in place: core splits
     * announcements so each part is one page.
     */
    @Override
    public CompletableFuture<Void> edit(SentRef ref, OutgoingMessage message) {
        String what = "editing message " + ref.messageId() + " in channel " + ref.channelId();
        return onChannel(ref, what, channel -> {
            List<Page> pages = Renderer.render(message, Labels.of(core, message.locale()));
            if (pages.size() != 1) {
                return CompletableFuture.failedFuture(new PlatformException(what + ": the new text needs " + pages.size()
                        + " Discord messages; an edit replaces exactly one", false));
            }
            return channel.editMessageById(ref.messageId(), Messages.edit(pages.get(0))).submit().thenApply(m -> null);
        });
    }

    /** Deletes a message the bot posted (DELETE /channels/{id}/messages/{id}); one already gone counts as deleted. */
    @Override
    public CompletableFuture<Void> delete(SentRef ref) {
        String what = "deleting message " + ref.messageId() + " in channel " + ref.channelId();
        return onChannel(ref, what, channel -> channel.deleteMessageById(ref.messageId()).submit()
                .<Void>thenApply(x -> null)
                .exceptionallyCompose(e -> Failures.is(e, net.dv8tion.jda.api.requests.ErrorResponse.UNKNOWN_MESSAGE)
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(e)));
    }

    private CompletableFuture<Void> onChannel(SentRef ref, String what,
                                              java.util.function.Function<MessageChannel, CompletableFuture<Void>> action) {
        JDA current = jda;
        if (current == null) {
            return CompletableFuture.failedFuture(new PlatformException(what + " failed: the Discord adapter is not connected", true));
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            MessageChannel channel = current.getChannelById(MessageChannel.class, ref.channelId());
            CompletableFuture<MessageChannel> found = channel != null ? CompletableFuture.completedFuture(channel)
                    : CompletableFuture.failedFuture(new PlatformException("channel " + ref.channelId()
                    + " is unknown or not visible to the bot", false));
            found.thenCompose(action).whenComplete((v, e) -> {
                if (e == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(Failures.map(e, what));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(Failures.map(e, what));
        }
        return result;
    }

    /** Runs {@code action} on the destination's channel: a guild channel, or the member's DM channel. */
    private <T> CompletableFuture<T> onDestination(JDA jda, Destination destination,
                                                   java.util.function.Function<MessageChannel, CompletableFuture<T>> action) {
        if (destination instanceof Destination.DirectMessage d) {
            return dms.with(jda, d.userId(), action);
        }
        String id = ((Destination.Channel) destination).channelId();
        MessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            return CompletableFuture.failedFuture(new PlatformException("channel " + id
                    + " is unknown or not visible to the bot", false));
        }
        return action.apply(channel);
    }

    private static CompletableFuture<SentRef> sendPages(MessageChannel channel, List<Page> pages, String key) {
        CompletableFuture<SentRef> first = null;
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < pages.size(); i++) {
            int page = i;
            CompletableFuture<SentRef> sent = chain.thenCompose(x -> {
                boolean keyed = key != null && !key.isBlank();
                MessageCreateAction action = channel.sendMessage(Messages.create(keyed
                        ? References.stamp(pages.get(page), key, page) : pages.get(page)));
                if (keyed) {
                    action = action.setNonce(Nonces.of(key, page));
                }
                return action.submit().thenApply(m -> new SentRef(Mapping.PLATFORM, channel.getId(), m.getId()));
            });
            if (first == null) {
                first = sent;
            }
            chain = sent;
        }
        CompletableFuture<SentRef> head = first;
        return chain.thenCompose(x -> head);
    }

    @Override
    public CompletableFuture<String> upsert(Block.EventCard card) {
        return upsert(card, null);
    }

    @Override
    public CompletableFuture<String> upsert(Block.EventCard card, java.util.Locale locale) {
        ScheduledEvents mirror = events;
        if (mirror == null) {
            return CompletableFuture.failedFuture(new PlatformException("the Discord adapter is not connected", true));
        }
        return mapped(mirror.upsert(card, Labels.of(core, locale)), "mirroring event " + card.eventId());
    }

    @Override
    public int capacity() {
        ScheduledEvents mirror = events;
        return mirror == null ? 0 : mirror.capacity();
    }

    @Override
    public CompletableFuture<java.util.Set<String>> mirrored() {
        ScheduledEvents mirror = events;
        if (mirror == null) {
            return CompletableFuture.failedFuture(new PlatformException("the Discord adapter is not connected", true));
        }
        return mapped(mirror.mirrored(), "reading the server's scheduled events");
    }

    @Override
    public CompletableFuture<Void> remove(String eventId) {
        ScheduledEvents mirror = events;
        if (mirror == null) {
            return CompletableFuture.failedFuture(new PlatformException("the Discord adapter is not connected", true));
        }
        return mapped(mirror.remove(eventId), "removing the mirror of event " + eventId);
    }

    private static <T> CompletableFuture<T> mapped(CompletableFuture<T> future, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        future.whenComplete((v, e) -> {
            if (e == null) {
                result.complete(v);
            } else {
                result.completeExceptionally(Failures.map(e, what));
            }
        });
        return result;
    }

    private Guild guildOrThrow(JDA current) {
        Guild guild = current.getGuildById(settings.guildId());
        if (guild == null) {
            throw new IllegalStateException("guild " + settings.guildId() + " is not available");
        }
        return guild;
    }

    @Override
    public void close() {
        JDA current = jda;
        jda = null;
        events = null;
        dms.clear();
        if (current != null) {
            shutdown(current);
        }
        executor.shutdownNow();
        retryTimer.shutdownNow();
    }

    private static void shutdown(JDA current) {
        current.shutdown();
        try {
            if (!current.awaitShutdown(Duration.ofSeconds(5))) {
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "discord-handler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Points JDA at the configured gateway; one session never asks Discord's /gateway/bot. */
    private static final class FixedGateway extends SessionControllerAdapter {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
