package org.ccnsobot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab ({@code views.publish}): the member's next events and subscriptions, asked of core as typed
 * {@code next} and {@code subscriptions}, under headings in the member's language; for staff (as core decides),
 * first a row of shortcuts that open the staff forms. Members never see the shortcuts, and core refuses a
 * member's form all the same.
 */
final class SlackHome {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);

    /** A staff shortcut: the form it opens, and its label's key and English text (core's own keys). */
    record Shortcut(String command, String key, String english) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(new Shortcut("event-add", "forms.add", "Add an event"),
            new Shortcut("event-edit", "form.event-edit", "Edit an event"),
            new Shortcut("event-move", "form.event-move", "Move an event"),
            new Shortcut("announce", "forms.announce", "Write an announcement"));

    private final InboundHandler handler;
    private final SlackRenderer renderer;
    private final MethodsClient methods;
    private final SlackCalls calls;
    private final Clock clock;
    private final SlackTexts texts;
    private final Function<String, Actor> actors;
    private final Function<Actor, Locale> platformLocale;

    SlackHome(InboundHandler handler, SlackRenderer renderer, MethodsClient methods, SlackCalls calls, Clock clock,
              SlackTexts texts, Function<String, Actor> actors, Function<Actor, Locale> platformLocale) {
        this.handler = handler;
        this.renderer = renderer;
        this.methods = methods;
        this.calls = calls;
        this.clock = clock;
        this.texts = texts;
        this.actors = actors;
        this.platformLocale = platformLocale;
    }

    void publish(String userId, String channelId) {
        try {
            Actor actor = actors.apply(userId);
            Locale platform = platformLocale.apply(actor);
            Place place = new Place("slack", channelId == null ? userId : channelId, true);
            Reply next = handler.handle(Invocation.command(actor, place, SlackInbound.NEXT, Map.of(), clock.instant())
                    .withLocale(platform));
            Reply subs = handler.handle(Invocation.command(actor, place, SlackInbound.SUBSCRIPTIONS, Map.of(),
                    clock.instant()).withLocale(platform));
            Locale reader = handler.languageOf(actor, platform);
            List<LayoutBlock> blocks = blocks(next.message(), subs.message(), handler.isStaff(actor), reader);
            calls.call("views.publish", () -> methods.viewsPublish(r -> r.userId(userId)
                            .view(View.builder().type("home").blocks(blocks).build())))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            LOG.warn("could not publish the App Home of {}: {}", userId, e.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.error("App Home for {} failed", userId, e);
        }
    }

    List<LayoutBlock> blocks(OutgoingMessage next, OutgoingMessage subscriptions, boolean forStaff, Locale reader) {
        List<LayoutBlock> top = new ArrayList<>();
        if (forStaff) {
            top.add(header(texts.t(reader, "slack.home.staff", "Staff forms")));
            List<BlockElement> buttons = new ArrayList<>();
            for (Shortcut s : SHORTCUTS) {
                buttons.add(ButtonElement.builder().actionId(SlackRenderer.FORM_ACTION + s.command())
                        .value(new SlackRenderer.ButtonValue(s.command(), Map.of()).encode())
                        .text(SlackRenderer.plain(texts.t(reader, s.key(), s.english()))).build());
            }
            top.add(ActionsBlock.builder().blockId("staff_forms").elements(buttons).build());
            top.add(DividerBlock.builder().build());
        }
        List<LayoutBlock> subs = new ArrayList<>();
        subs.add(DividerBlock.builder().build());
        subs.add(header(texts.t(reader, "slack.home.subscriptions", "Your subscriptions")));
        subs.addAll(orText(subscriptions, reader));
        List<LayoutBlock> blocks = new ArrayList<>(top);
        blocks.add(header(texts.t(reader, "slack.home.next", "Your next events")));
        List<LayoutBlock> events = orText(next, reader);
        int room = SlackRenderer.MAX_HOME_BLOCKS - top.size() - 1 - subs.size() - 1;
        if (events.size() > room) {
            // Home holds 100 blocks; the rest stays one command away
            events = new ArrayList<>(events.subList(0, Math.max(0, room)));
            blocks.addAll(events);
            blocks.add(SlackRenderer.context(texts.t(reader, "slack.home.more", "More: type /ccnso next")));
        } else {
            blocks.addAll(events);
        }
        blocks.addAll(subs);
        return blocks.size() > SlackRenderer.MAX_HOME_BLOCKS
                ? blocks.subList(0, SlackRenderer.MAX_HOME_BLOCKS) : blocks;
    }

    private List<LayoutBlock> orText(OutgoingMessage m, Locale reader) {
        List<LayoutBlock> blocks = renderer.blocks(m.blocks(), reader);
        return blocks.isEmpty() ? renderer.blocks(List.of(new Block.Paragraph(m.fallbackText())), reader) : blocks;
    }

    private static HeaderBlock header(String text) {
        return HeaderBlock.builder().text(SlackRenderer.plain(text)).build();
    }
}
