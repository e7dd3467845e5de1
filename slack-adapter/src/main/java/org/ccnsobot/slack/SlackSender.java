package org.ccnsobot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers core's messages through the Web API: channels by chat.postMessage, DMs by conversations.open first.
 *
 * <p>A message with an idempotency key carries it as message metadata. Slack has no request-level idempotency, so
 * after a crash between "posted" and "marked in the ledger" the ledger asks {@link #findDelivered} (the recent
 * history, searched for that key) before it resends; an ordinary send never reads history, so a 300-DM fan-out costs
 * 300 chat.postMessage calls and nothing else.
 *
 * <p>A DM is posted with the member's user id as the channel, which Slack delivers to the app's DM with them; the DM
 * channel id Slack answers is remembered. conversations.open is only needed to read a DM's history on recovery.
 */
final class SlackSender {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);

    static final String METADATA_EVENT = "ccnso_delivery";
    /** How far back the look-before-resend reaches; a resend after a crash follows the first attempt closely. */
    static final int HISTORY_LIMIT = 100;

    private final MethodsClient methods;
    private final SlackCalls calls;
    private final SlackRenderer renderer;
    private final Cache<String, String> dmChannels = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(12)).maximumSize(10_000).build();

    SlackSender(MethodsClient methods, SlackCalls calls, SlackRenderer renderer) {
        this.methods = methods;
        this.calls = calls;
        this.renderer = renderer;
    }

    CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        if (!"slack".equals(destination.platform())) {
            return CompletableFuture.failedFuture(new PlatformException(
                    "destination " + destination.key() + " is not a Slack destination", false));
        }
        if (destination instanceof Destination.DirectMessage dm) {
            String known = dmChannels.getIfPresent(dm.userId());
            return post(known != null ? known : dm.userId(), message, null).thenApply(ref -> {
                dmChannels.put(dm.userId(), ref.channelId());
                return ref;
            });
        }
        return post(((Destination.Channel) destination).channelId(), message, null);
    }

    /** The channel to post in: a channel id as is, a user's DM channel through conversations.open. */
    CompletableFuture<String> channelFor(Destination destination) {
        if (destination instanceof Destination.Channel c) {
            return CompletableFuture.completedFuture(c.channelId());
        }
        String user = ((Destination.DirectMessage) destination).userId();
        String known = dmChannels.getIfPresent(user);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return calls.call("conversations.open", () -> methods.conversationsOpen(r -> r.users(List.of(user))))
                .thenApply(r -> {
                    dmChannels.put(user, r.getChannel().getId());
                    return r.getChannel().getId();
                });
    }

    /** Posts every page in order; the reference is the first page's. */
    CompletableFuture<SentRef> post(String channel, OutgoingMessage message, String threadTs) {
        List<SlackRenderer.SlackMessage> pages = renderer.render(message, message.locale());
        // a DM posted to a user id answers with the DM's channel id: later pages and the reference use that
        CompletableFuture<SentRef> first = postPage(channel, pages.get(0), pageKey(message, 0), threadTs);
        CompletableFuture<SentRef> chain = first;
        for (int i = 1; i < pages.size(); i++) {
            SlackRenderer.SlackMessage page = pages.get(i);
            String key = pageKey(message, i);
            chain = chain.thenCompose(previous -> postPage(previous.channelId(), page, key, threadTs));
        }
        return chain.thenCombine(first, (last, ref) -> ref);
    }

    /**
     * Replaces a posted message's text and blocks (chat.update), rendered and escaped like a new one, so it pings
     * only what its {@code Mentions} ask for. A message that renders to more than one Slack message cannot replace one.
     */
    CompletableFuture<Void> edit(SentRef ref, OutgoingMessage message) {
        List<SlackRenderer.SlackMessage> pages = renderer.render(message, message.locale());
        if (pages.size() != 1) {
            return CompletableFuture.failedFuture(new PlatformException("chat.update of " + ref.messageId() + " in "
                    + ref.channelId() + ": the new text needs " + pages.size() + " Slack messages; an edit replaces one",
                    false));
        }
        SlackRenderer.SlackMessage page = pages.get(0);
        return calls.call("chat.update", () -> methods.chatUpdate(r -> r.channel(ref.channelId()).ts(ref.messageId())
                .text(page.text()).blocks(page.blocks()).linkNames(false).parse("none"))).thenApply(r -> null);
    }

    /** Deletes a posted message (chat.delete); one already gone counts as deleted. */
    CompletableFuture<Void> delete(SentRef ref) {
        return calls.call("chat.delete", () -> methods.chatDelete(r -> r.channel(ref.channelId()).ts(ref.messageId())))
                .<Void>thenApply(r -> null)
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    return cause.getMessage() != null && cause.getMessage().contains("message_not_found")
                            ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(cause);
                });
    }

    /** A message only one member sees. */
    CompletableFuture<Void> postEphemeral(String channel, String user, OutgoingMessage message, String threadTs) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (SlackRenderer.SlackMessage page : renderer.render(message, message.locale())) {
            chain = chain.thenCompose(ignored -> calls.call("chat.postEphemeral", () -> methods.chatPostEphemeral(r -> r
                    .channel(channel).user(user).text(page.text()).blocks(page.blocks()).threadTs(threadTs)
                    .linkNames(false).parse("none"))).thenApply(r -> null));
        }
        return chain;
    }

    private CompletableFuture<SentRef> postPage(String channel, SlackRenderer.SlackMessage page, String key,
                                                String threadTs) {
        Message.Metadata metadata = key == null ? null : Message.Metadata.builder().eventType(METADATA_EVENT)
                .eventPayload(Map.of("key", key)).build();
        return calls.call("chat.postMessage", () -> methods.chatPostMessage(r -> r
                .channel(channel).text(page.text()).blocks(page.blocks()).threadTs(threadTs).metadata(metadata)
                // no auto-linking of names: pings come only from the explicit tokens the renderer wrote
                .linkNames(false).parse("none").unfurlLinks(false).unfurlMedia(false)))
                .thenApply(r -> new SentRef("slack", r.getChannel() != null ? r.getChannel() : channel, r.getTs()));
    }

    /**
     * Looks for a message carrying this key among the channel's recent messages. A history that cannot be read
     * (missing scope, a DM the bot cannot list) must not block the delivery itself: it is logged and the message
     * is posted.
     */
    CompletableFuture<Optional<String>> findDelivered(String channel, String key) {
        return calls.call("conversations.history", () -> methods.conversationsHistory(r -> r
                        .channel(channel).limit(HISTORY_LIMIT).includeAllMetadata(true)))
                .thenApply(r -> r.getMessages() == null ? Optional.<String>empty() : r.getMessages().stream()
                        .filter(m -> m.getMetadata() != null && METADATA_EVENT.equals(m.getMetadata().getEventType())
                                && m.getMetadata().getEventPayload() != null
                                && key.equals(String.valueOf(m.getMetadata().getEventPayload().get("key"))))
                        .map(Message::getTs).findFirst())
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    if (cause instanceof PlatformException p && p.isTransient()) {
                        return CompletableFuture.failedFuture(p);
                    }
                    LOG.warn("cannot look for delivery {} in {} before posting ({}); posting without the check",
                            key, channel, cause.getMessage());
                    return CompletableFuture.completedFuture(Optional.empty());
                });
    }

    private static String pageKey(OutgoingMessage message, int page) {
        if (message.idempotencyKey() == null) {
            return null;
        }
        return page == 0 ? message.idempotencyKey() : message.idempotencyKey() + "#" + (page + 1);
    }
}
