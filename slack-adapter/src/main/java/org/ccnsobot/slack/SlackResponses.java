package org.ccnsobot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ccnsobot.port.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers through a response_url (a slash command's, a button's, or the one a form was opened with), rendered in
 * the reader's language. A response_url is the only way into a channel the bot was not invited to.
 */
final class SlackResponses {
    private static final Logger LOG = LoggerFactory.getLogger(SlackResponses.class);
    static final int MAX_RESPONSES = 5;
    static final String MORE = "There is more than Slack can show in one answer: ask about one day or one committee"
            + " to see the rest.";

    private final Slack slack;
    private final SlackRenderer renderer;
    private final SlackTexts texts;

    SlackResponses(Slack slack, SlackRenderer renderer, SlackTexts texts) {
        this.slack = slack;
        this.renderer = renderer;
        this.texts = texts;
    }

    /** A slash command's answer: in the channel, or only for the member when it is personal. */
    void toCommand(String responseUrl, Reply reply, Locale reader) {
        String type = reply.personal() ? "ephemeral" : "in_channel";
        for (SlackRenderer.SlackMessage page : pages(renderer.render(reply.message(), reader), more(reader))) {
            respond(responseUrl, SlashCommandResponse.builder().responseType(type).text(page.text())
                    .blocks(page.blocks()).build());
        }
    }

    /** A button's or form's answer, only for the member, beside the message they clicked (not replacing it). */
    void privately(String responseUrl, Reply reply, Locale reader) {
        for (SlackRenderer.SlackMessage page : pages(renderer.render(reply.message(), reader), more(reader))) {
            respond(responseUrl, ActionResponse.builder().responseType("ephemeral")
                    .replaceOriginal(false).text(page.text()).blocks(page.blocks()).build());
        }
    }

    private String more(Locale reader) {
        return texts.t(reader, "slack.more", MORE);
    }

    /**
     * A response_url takes at most five answers. Beyond five pages the last one says the list goes on instead of
     * the rest being refused one by one.
     */
    static List<SlackRenderer.SlackMessage> pages(List<SlackRenderer.SlackMessage> pages, String more) {
        if (pages.size() <= MAX_RESPONSES) {
            return pages;
        }
        List<SlackRenderer.SlackMessage> out = new ArrayList<>(pages.subList(0, MAX_RESPONSES));
        SlackRenderer.SlackMessage last = out.get(MAX_RESPONSES - 1);
        List<LayoutBlock> blocks = new ArrayList<>(last.blocks());
        if (blocks.size() >= SlackRenderer.MAX_BLOCKS) {
            blocks = new ArrayList<>(blocks.subList(0, SlackRenderer.MAX_BLOCKS - 1));
        }
        blocks.add(SlackRenderer.context(SlackRenderer.escape(more)));
        out.set(MAX_RESPONSES - 1, new SlackRenderer.SlackMessage(last.text(), blocks));
        return out;
    }

    private void respond(String responseUrl, Object body) {
        try {
            Responder responder = new Responder(slack, responseUrl);
            WebhookResponse r = body instanceof SlashCommandResponse s ? responder.send(s)
                    : responder.send((ActionResponse) body);
            if (r.getCode() == null || r.getCode() != 200) {
                LOG.warn("response_url refused the answer: HTTP {} {}", r.getCode(), r.getBody());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not answer through response_url: {}", e.toString());
        }
    }
}
