package org.ccnsobot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.SentRef;

/**
 * The terminal as a chat platform: one command per line from standard input, each reply on standard output, and
 * messages the bot sends on its own (reminders) printed as they come. Prompts go to standard error, and only when
 * a person is typing, so scripted output stays clean.
 */
final class ConsolePlatform implements ChatPlatform {
    static final String ID = "console";
    static final Actor USER = new Actor(ID, "console", "console user", Set.of());
    private static final Place PLACE = new Place(ID, "terminal", true);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Clock clock;
    private final LineHook hook;
    private final AtomicLong sent = new AtomicLong();
    private volatile Runnable afterEachLine = () -> { };
    private volatile Runnable beforeEachLine = () -> { };

    ConsolePlatform(InputStream in, PrintStream out, PrintStream err, boolean interactive, Clock clock, LineHook hook) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.clock = clock;
        this.hook = hook;
    }

    /**
     * Runs once a line is read, before it is answered: the console takes other processes' writes here, so a line
     * typed after another process wrote sees that write, whatever the feed thread's timing.
     */
    void beforeEachLine(Runnable action) {
        this.beforeEachLine = action;
    }

    /** Runs after each line is answered, before the next is read: the pinned-clock console fires due reminders here. */
    void afterEachLine(Runnable action) {
        this.afterEachLine = action;
    }

    /** Announcements (and schedule changes) print as #announcements, staff alerts as #staff. */
    @Override
    public java.util.Optional<String> channel(org.ccnsobot.port.ChannelRole role) {
        return switch (role) {
            case ANNOUNCEMENTS -> java.util.Optional.of(ConsoleCommand.ANNOUNCEMENTS);
            case STAFF -> java.util.Optional.of(ConsoleCommand.STAFF);
            case SCHEDULE -> java.util.Optional.empty();
        };
    }

    /** The terminal takes messages as fast as they come. */
    @Override
    public org.ccnsobot.port.SendLimits sendLimits() {
        return org.ccnsobot.port.SendLimits.UNLIMITED;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DM, Capability.EDIT);
    }

    /** Reads standard input to its end; returns when input is exhausted. */
    @Override
    public void start(InboundHandler handler) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            prompt();
            String line;
            while ((line = reader.readLine()) != null) {
                beforeEachLine.run();
                String handled = hook.handle(line);
                if (handled != null) {
                    print(handled);
                } else {
                    Reply reply = handler.handle(Invocation.text(USER, PLACE, line, clock.instant()));
                    print(reply.text());
                }
                afterEachLine.run();
                prompt();
            }
        } catch (IOException e) {
            err.println("error: reading standard input failed: " + e.getMessage());
        }
    }

    private void prompt() {
        if (interactive) {
            err.print("ccnso> ");
            err.flush();
        }
    }

    private synchronized void print(String text) {
        out.println(text);
        out.println();
        out.flush();
    }

    @Override
    public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        String to = destination instanceof Destination.Channel c ? "#" + c.channelId()
                : "DM " + ((Destination.DirectMessage) destination).userId();
        print("[to " + to + "] " + pings(message) + message.fallbackText());
        return CompletableFuture.completedFuture(new SentRef(ID, to, Long.toString(sent.incrementAndGet())));
    }

    /** The terminal pings nobody, but shows who a message would have pinged. */
    private static String pings(OutgoingMessage message) {
        org.ccnsobot.port.Mentions m = message.mentions();
        if (!m.pingsAnyone()) {
            return "";
        }
        java.util.List<String> who = new java.util.ArrayList<>();
        if (m.everyone()) {
            who.add("@everyone");
        }
        m.roleIds().stream().sorted().forEach(r -> who.add("@role:" + r));
        return "(pings " + String.join(" ", who) + ") ";
    }

    @Override
    public CompletableFuture<Void> edit(SentRef ref, OutgoingMessage message) {
        print("[edited in " + channel(ref) + "] " + pings(message) + message.fallbackText());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> delete(SentRef ref) {
        print("[deleted in " + channel(ref) + "] message " + ref.messageId());
        return CompletableFuture.completedFuture(null);
    }

    private static String channel(SentRef ref) {
        return ref.channelId().startsWith("#") || ref.channelId().startsWith("DM ") ? ref.channelId() : "#" + ref.channelId();
    }

    @Override
    public void close() {
        out.flush();
    }

    /** Console-only lines (like {@code advance}) that the console answers itself; null means "not mine". */
    @FunctionalInterface
    interface LineHook {
        String handle(String line);
    }
}
