package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Mockito at the edge: Bolt's requests and contexts in, the port's invocations and the sender's calls out. */
class SlackInboundMappingTest {
    private static final Instant NOW = Instant.parse("2024-03-04T12:00:00Z");

    private final InboundHandler core = mock(InboundHandler.class);
    private final SlackSender sender = mock(SlackSender.class);
    private final App app = mock(App.class);
    /** Work handed off by the Bolt handlers waits here, so a test can see the ack come before it. */
    private final Queue<Runnable> work = new ArrayDeque<>();
    private SlackInbound inbound;

    @BeforeEach
    void setUp() {
        StaffGroups staff = new StaffGroups(List.of("S0STAFF"),
                id -> Set.of("U0STAFF"), Duration.ofMinutes(5), Ticker.systemTicker());
        SlackCalls calls = new SlackCalls(Runnable::run, 1, Duration.ofSeconds(1));
        inbound = new SlackInbound(core, staff, sender, new SlackRenderer(null), null,
                null, calls, Clock.fixed(NOW, ZoneOffset.UTC), work::add, "UBOT", null);
        inbound.register(app);
        when(core.handle(any())).thenReturn(Reply.publicly(OutgoingMessage.text("ok")));
        when(core.firstDelivery(any(), any())).thenReturn(true);
        when(sender.post(any(), any(), any())).thenReturn(CompletableFuture.completedFuture(null));
        when(sender.postEphemeral(any(), any(), any(), any())).thenReturn(CompletableFuture.completedFuture(null));
        when(sender.send(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
    }

    private void runWork() {
        while (!work.isEmpty()) {
            work.poll().run();
        }
    }

    @Test
    void slashCommandIsAckedBeforeCoreRunsAndBecomesPlainText() throws Exception {
        ArgumentCaptor<SlashCommandHandler> handler = ArgumentCaptor.forClass(SlashCommandHandler.class);
        verify(app).command(eq("/ccnso"), handler.capture());

        SlashCommandPayload payload = new SlashCommandPayload();
        payload.setUserId("U0STAFF");
        payload.setUserName("bart");
        payload.setChannelId("C0GENERAL");
        payload.setChannelName("general");
        payload.setText("when council &amp; &lt;ccTLD&gt; day");
        payload.setResponseUrl("http://127.0.0.1:9/unused");
        SlashCommandRequest request = mock(SlashCommandRequest.class);
        when(request.getPayload()).thenReturn(payload);
        SlashCommandContext ctx = mock(SlashCommandContext.class);
        Response ack = Response.ok();
        when(ctx.ack()).thenReturn(ack);

        assertThat(handler.getValue().apply(request, ctx)).isSameAs(ack);
        verifyNoInteractions(core);

        runWork();
        ArgumentCaptor<Invocation> seen = ArgumentCaptor.forClass(Invocation.class);
        verify(core).handle(seen.capture());
        assertThat(seen.getValue()).isEqualTo(Invocation.text(new Actor("slack", "U0STAFF", "bart", Set.of("S0STAFF")),
                new Place("slack", "C0GENERAL", false), "when council & <ccTLD> day", NOW));
    }

    @Test
    void helpAndAnEmptyCommandAreAnsweredFromCoreCommandList() {
        when(core.commands()).thenReturn(SlackCore.handler().commands());
        Actor staffer = new Actor("slack", "U0STAFF", "bart", Set.of("S0STAFF"));
        Actor member = new Actor("slack", "U0MEMBER", "alice", Set.of());
        when(core.isStaff(staffer)).thenReturn(true);
        assertThat(inbound.helpFor("", member).personal()).isTrue();
        assertThat(inbound.helpFor("help", staffer).text()).contains("/ccnso next - The next events")
                .contains("/ccnso announce <text...> - Post an announcement");
        assertThat(inbound.helpFor("help find", staffer).text()).isEqualTo("/ccnso when <query...> - When is an event");
        assertThat(inbound.helpFor("next", staffer)).isNull();
        // issue 12: members are not shown staff commands
        assertThat(inbound.helpFor("help", member).text()).contains("/ccnso next - The next events")
                .doesNotContain("announce");
    }

    @Test
    void aCommandWhosePayloadCannotBeReadIsStillAcked() throws Exception {
        ArgumentCaptor<SlashCommandHandler> handler = ArgumentCaptor.forClass(SlashCommandHandler.class);
        verify(app).command(eq("/ccnso"), handler.capture());
        SlashCommandRequest request = mock(SlashCommandRequest.class);
        when(request.getPayload()).thenThrow(new IllegalStateException("broken payload"));
        SlashCommandContext ctx = mock(SlashCommandContext.class);
        when(ctx.ack()).thenReturn(Response.ok());
        assertThat(handler.getValue().apply(request, ctx).getStatusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void mentionLosesTheBotMentionAndIsHandedToCoreAsPlainWordsThenAnsweredInItsThread() throws Exception {
        ArgumentCaptor<BoltEventHandler> handler = ArgumentCaptor.forClass(BoltEventHandler.class);
        verify(app).event(eq(AppMentionEvent.class), handler.capture());
        AppMentionEvent event = new AppMentionEvent();
        event.setUser("U0MEMBER");
        event.setChannel("C0GENERAL");
        event.setText("<@UBOT> is Tech Day open?");
        event.setTs("1700000000.000100");
        EventsApiPayload<AppMentionEvent> payload = mock(EventsApiPayload.class);
        when(payload.getEvent()).thenReturn(event);
        when(payload.getEventId()).thenReturn("Ev1");
        EventContext ctx = mock(EventContext.class);
        when(ctx.ack()).thenReturn(Response.ok());

        handler.getValue().apply(payload, ctx);
        runWork();

        ArgumentCaptor<Invocation> seen = ArgumentCaptor.forClass(Invocation.class);
        verify(core).handle(seen.capture());
        assertThat(seen.getValue().isTyped()).isFalse();
        assertThat(seen.getValue().rawText()).isEqualTo("is Tech Day open?");
        assertThat(seen.getValue().actor().roles()).isEmpty();
        assertThat(seen.getValue().place()).isEqualTo(new Place("slack", "C0GENERAL", false));
        verify(sender).post(eq("C0GENERAL"), any(), eq("1700000000.000100"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void personalAnswersToAMentionAreEphemeralAndBotAuthoredMentionsAreIgnored() throws Exception {
        when(core.handle(any())).thenReturn(Reply.personally(OutgoingMessage.text("only you")));
        ArgumentCaptor<BoltEventHandler> handler = ArgumentCaptor.forClass(BoltEventHandler.class);
        verify(app).event(eq(AppMentionEvent.class), handler.capture());
        EventContext ctx = mock(EventContext.class);
        when(ctx.ack()).thenReturn(Response.ok());

        AppMentionEvent fromBot = new AppMentionEvent();
        fromBot.setUser("U0OTHER");
        fromBot.setBotId("B0OTHER");
        fromBot.setText("<@UBOT> loop");
        EventsApiPayload<AppMentionEvent> botPayload = mock(EventsApiPayload.class);
        when(botPayload.getEvent()).thenReturn(fromBot);
        handler.getValue().apply(botPayload, ctx);
        runWork();
        verifyNoInteractions(core);

        AppMentionEvent event = new AppMentionEvent();
        event.setUser("U0MEMBER");
        event.setChannel("C0GENERAL");
        event.setText("<@UBOT> my subscriptions");
        event.setTs("1700000000.000200");
        event.setThreadTs("1700000000.000001");
        EventsApiPayload<AppMentionEvent> payload = mock(EventsApiPayload.class);
        when(payload.getEvent()).thenReturn(event);
        when(payload.getEventId()).thenReturn("Ev2");
        handler.getValue().apply(payload, ctx);
        runWork();
        verify(sender).postEphemeral(eq("C0GENERAL"), eq("U0MEMBER"), any(), eq("1700000000.000001"));
        verify(sender, never()).post(any(), any(), any());
    }

    @Test
    void subscribeClickBecomesATypedSubscribeWithTheButtonValueAsTopic() throws Exception {
        ArgumentCaptor<BlockActionHandler> handler = ArgumentCaptor.forClass(BlockActionHandler.class);
        // one handler for every action id (issue 12: unknown ids are acked too), which dispatches on the id
        verify(app).blockAction(any(java.util.regex.Pattern.class), handler.capture());
        BlockActionPayload payload = new BlockActionPayload();
        BlockActionPayload.User user = new BlockActionPayload.User();
        user.setId("U0MEMBER");
        payload.setUser(user);
        BlockActionPayload.Channel channel = new BlockActionPayload.Channel();
        channel.setId("C0GENERAL");
        payload.setChannel(channel);
        BlockActionPayload.Action action = new BlockActionPayload.Action();
        action.setActionId("subscribe_event");
        action.setValue("icann79-techday");
        action.setActionTs("1700000000.1");
        payload.setActions(List.of(action));
        BlockActionRequest request = mock(BlockActionRequest.class);
        when(request.getPayload()).thenReturn(payload);
        ActionContext ctx = mock(ActionContext.class);
        when(ctx.ack()).thenReturn(Response.ok());

        handler.getValue().apply(request, ctx);
        verifyNoInteractions(core);
        runWork();
        ArgumentCaptor<Invocation> seen = ArgumentCaptor.forClass(Invocation.class);
        verify(core).handle(seen.capture());
        assertThat(seen.getValue().isTyped()).isTrue();
        assertThat(seen.getValue().command()).isEqualTo("subscribe");
        assertThat(seen.getValue().options()).isEqualTo(Map.of("topic", "icann79-techday"));
        assertThat(seen.getValue().place().channelId()).isEqualTo("C0GENERAL");
        // no response_url: the confirmation goes to the member's DM
        verify(sender).send(any(), any());
    }

    @Test
    void slashCommandMappingKnowsDirectMessages() {
        SlashCommandPayload p = new SlashCommandPayload();
        p.setChannelId("D0MEMBER");
        p.setChannelName("directmessage");
        assertThat(SlackInbound.SlashCommand.of(p).direct()).isTrue();
        p.setChannelId("C0GENERAL");
        p.setChannelName("general");
        assertThat(SlackInbound.SlashCommand.of(p).direct()).isFalse();
        assertThat(SlackInbound.unescape("a &amp;lt; b")).isEqualTo("a &lt; b");
    }
}
