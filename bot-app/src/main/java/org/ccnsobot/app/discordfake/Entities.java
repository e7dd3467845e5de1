package org.ccnsobot.app.discordfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The Discord objects the fake hands JDA, with the fields JDA 6 insists on. The guild's pitfalls (from
 * shared/notes/platform-testing.md): a valid {@code afk_timeout}, the @everyone role's id equal to the guild's and
 * granting what the bot needs, the bot among the members.
 */
final class Entities {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String TOKEN = "bench.bot-token.for-the-local-fake";
    static final String GUILD = "100000000000000001";
    static final String BOT = "200000000000000001";
    static final String ANNOUNCE = "300000000000000001";
    static final String BOT_ROLE = "500000000000000003";

    private static final long VIEW_CHANNEL = 1L << 10;
    private static final long SEND_MESSAGES = 1L << 11;
    private static final long EMBED_LINKS = 1L << 14;
    private static final long READ_HISTORY = 1L << 16;
    private static final long MANAGE_EVENTS = 1L << 33;

    private Entities() {
    }

    static ObjectNode user(String id, String name) {
        ObjectNode u = NODES.objectNode();
        u.put("id", id).put("username", name).put("discriminator", "0").putNull("global_name").putNull("avatar");
        u.put("bot", false).put("public_flags", 0);
        return u;
    }

    static ObjectNode botUser() {
        ObjectNode u = user(BOT, "ccnso-bot");
        u.put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
        return u;
    }

    static ObjectNode application() {
        return NODES.objectNode().put("id", BOT).put("name", "ccnso-bot").put("description", "")
                .put("bot_public", false).put("bot_require_code_grant", false).put("flags", 0);
    }

    static ObjectNode dmChannel(String channelId, String userId) {
        ObjectNode c = NODES.objectNode().put("id", channelId).put("type", 1).putNull("last_message_id");
        c.putArray("recipients").add(user(userId, "member-" + userId.substring(userId.length() - 3)));
        return c;
    }

    /** The message Discord answers a post with: the bot as author, the content and the nonce echoed. */
    static ObjectNode message(String id, String channelId, JsonNode body) {
        ObjectNode m = NODES.objectNode();
        m.put("id", id).put("type", 0).put("channel_id", channelId);
        m.set("author", botUser());
        m.put("content", body.path("content").asText(""));
        m.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString()).putNull("edited_timestamp");
        m.put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", body.path("flags").asInt(0));
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("components");
        ArrayNode embeds = m.putArray("embeds");
        body.path("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        if (body.has("nonce")) {
            m.set("nonce", body.get("nonce"));
        }
        return m;
    }

    static ObjectNode ready(String sessionId, String gatewayUrl) {
        ObjectNode ready = NODES.objectNode();
        ready.put("v", 10).put("session_id", sessionId).put("resume_gateway_url", gatewayUrl);
        ready.set("user", botUser());
        ready.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
        ready.putObject("application").put("id", BOT).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putObject("user_settings");
        return ready;
    }

    /** One server with one announcement channel the bot may post in. */
    static ObjectNode guild() {
        ObjectNode g = NODES.objectNode();
        g.put("id", GUILD).put("name", "ccNSO bench").put("owner_id", BOT).put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("preferred_locale", "en-US")
                .put("member_count", 1).put("large", false).put("unavailable", false)
                .put("joined_at", "2024-01-01T00:00:00+00:00").put("system_channel_flags", 0)
                .put("premium_progress_bar_enabled", false).putNull("icon").putNull("description");
        g.putArray("features");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(GUILD, "@everyone", VIEW_CHANNEL | SEND_MESSAGES | READ_HISTORY, 0));
        roles.add(role(BOT_ROLE, "ccnso-bot", EMBED_LINKS | MANAGE_EVENTS, 1));
        ObjectNode c = g.putArray("channels").addObject();
        c.put("id", ANNOUNCE).put("type", 0).put("guild_id", GUILD).put("name", "announcements").put("position", 0)
                .putNull("parent_id").putNull("topic").put("nsfw", false).put("rate_limit_per_user", 0)
                .putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        for (String empty : new String[] {"threads", "guild_scheduled_events", "emojis", "stickers", "voice_states",
                "presences", "stage_instances"}) {
            g.putArray(empty);
        }
        ObjectNode self = g.putArray("members").addObject();
        self.set("user", botUser());
        self.putArray("roles").add(BOT_ROLE);
        self.put("joined_at", "2024-01-01T00:00:00+00:00").put("deaf", false).put("mute", false).put("flags", 0)
                .putNull("nick").put("pending", false);
        return g;
    }

    private static ObjectNode role(String id, String name, long permissions, int position) {
        return NODES.objectNode().put("id", id).put("name", name).put("color", 0).put("hoist", false)
                .put("position", position).put("permissions", Long.toString(permissions)).put("managed", false)
                .put("mentionable", false).put("flags", 0);
    }
}
