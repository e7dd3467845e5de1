package org.ccnsobot.testing;

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
 * The crash tests' platform, living in the child JVM (reminders and announcements alike). Every send attempt is appended to a file as one line
 * ({@code key TAB destination}) in a single write, and forced to disk before the send is answered, so what the file
 * holds is what "the platform" received, whatever happens to the process. It does NOT dedupe: a resend of a key
 * shows up as a second line, so the test counts duplicates honestly. {@code findDelivered} answers from the file
 * (read at start, then kept up to date), as a platform that can look up a message by its key would.
 */
public final class FileRecordingPlatform implements ChatPlatform {
    private final FileChannel file;
    private final Set<String> keys = new HashSet<>();
    private final boolean canTell;
    private final PrintStream progress;
    private final SendLimits pace;
    private final Set<Capability> capabilities;
    private int count;
    private final java.util.Map<org.ccnsobot.port.ChannelRole, String> channels = new java.util.EnumMap<>(org.ccnsobot.port.ChannelRole.class);

    /**
     * {@code perSecond} paces the sends, so the test's kill lands near the delivery count it watches for (a pipe
     * would otherwise report progress far behind the sends).
     */
    public FileRecordingPlatform(Path path, boolean canTell, PrintStream progress, double perSecond,
                                 Set<Capability> capabilities) throws IOException {
        this.canTell = canTell;
        this.progress = progress;
        this.pace = new SendLimits(perSecond, 1);
        this.capabilities = Set.copyOf(capabilities);
        if (Files.exists(path)) {
            for (String line : readLines(path)) {
                keys.add(line.split("\t", 2)[0]);
            }
        }
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The complete lines of a record file (a torn last line, had there been one, is ignored). */
    public static List<String> readLines(Path path) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return text.substring(0, end).lines().filter(l -> l.contains("\t")).toList();
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    @Override
    public void start(InboundHandler handler) {
        // outbound only
    }

    /** Declares the platform's channel for a role, as an adapter binds it from its settings. */
    public FileRecordingPlatform withChannel(org.ccnsobot.port.ChannelRole role, String channelId) {
        channels.put(role, channelId);
        return this;
    }

    @Override
    public Optional<String> channel(org.ccnsobot.port.ChannelRole role) {
        return Optional.ofNullable(channels.get(role));
    }

    @Override
    public SendLimits sendLimits() {
        return pace;
    }

    @Override
    public synchronized CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        String key = message.idempotencyKey();
        byte[] line = (key + "\t" + destination.key() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            file.write(ByteBuffer.wrap(line));
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.add(key);
        count++;
        progress.println("D " + count);
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

    /**
     * Reads a child JVM's progress lines ({@code D <count>}, printed by {@link #send}) until it reports {@code n}
     * sends or ends, and returns the last count seen; never sleeps, and gives up after 60 s.
     */
    public static int awaitProgress(Process p, int n) throws Exception {
        java.util.concurrent.CompletableFuture<Integer> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            int last = 0;
            try (java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("D ")) {
                        last = Integer.parseInt(line.substring(2).trim());
                        if (last >= n) {
                            return last;
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed while we read
            }
            return last;
        });
        try {
            return reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("the child did not reach " + n + " sends within 60 s", e);
        }
    }
}
