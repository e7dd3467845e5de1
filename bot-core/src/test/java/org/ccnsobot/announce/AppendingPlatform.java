package org.ccnsobot.announce;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.port.SentRef;

/**
 * The announcement crash test's platform, in the child JVM: each send attempt is one line ({@code key TAB
 * destination}) appended and forced to disk before it is answered, never deduplicated, so a resend shows as a second
 * line. {@code findDelivered} answers from the file when {@code canTell}.
 */
final class AppendingPlatform implements ChatPlatform {
    private final FileChannel file;
    private final Set<String> keys = new HashSet<>();
    private final boolean canTell;
    private final PrintStream progress;
    private int count;

    AppendingPlatform(Path path, boolean canTell, PrintStream progress) throws IOException {
        this.canTell = canTell;
        this.progress = progress;
        if (Files.exists(path)) {
            for (String line : readLines(path)) {
                keys.add(line.split("\t", 2)[0]);
            }
        }
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    static List<String> readLines(Path path) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().filter(l -> l.contains("\t")).toList();
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.EDIT);
    }

    @Override
    public void start(InboundHandler handler) {
    }

    @Override
    public SendLimits sendLimits() {
        // paced, so the kill lands mid fan-out rather than after a burst the pipe reports late
        return new SendLimits(500, 1);
    }

    @Override
    public synchronized CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        String key = message.idempotencyKey();
        try {
            file.write(ByteBuffer.wrap((key + "\t" + destination.key() + "\n").getBytes(StandardCharsets.UTF_8)));
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.add(key);
        progress.println("D " + ++count);
        progress.flush();
        return CompletableFuture.completedFuture(new SentRef("fake", destination.key(), "m" + Integer.toHexString(key.hashCode())));
    }

    @Override
    public synchronized CompletableFuture<Optional<SentRef>> findDelivered(Destination destination, String key) {
        if (!canTell || !keys.contains(key)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.completedFuture(Optional.of(new SentRef("fake", destination.key(),
                "m" + Integer.toHexString(key.hashCode()))));
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            // the test reads what was forced
        }
    }
}
