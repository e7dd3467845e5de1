package org.ccnsobot.testing;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;

/**
 * The adapter tests' fake core: it records every invocation (in order, with the thread that delivered it, and on a
 * queue to {@link #next() wait for}), declares the commands it is given, and answers with the test's own function;
 * the answers and commands of one platform's tests (their cards, their staff rule) live beside those tests. A
 * {@link #gate} makes core slow: invocations that {@link #gateWhen match} wait on it (at most ten seconds) before they
 * are answered.
 */
public final class RecordingHandler implements InboundHandler {
    /** Completes an option: what the test answers to {@code complete(command, option, prefix, limit)}. */
    @FunctionalInterface
    public interface Completer {
        List<Choice> complete(String command, String option, String prefix, int limit);
    }

    public final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    /** The name of the thread each invocation arrived on. */
    public final List<String> threads = new CopyOnWriteArrayList<>();
    /** Each completion asked for, as {@code command option prefix}. */
    public final List<String> completions = new CopyOnWriteArrayList<>();
    /** The commands core declares; a test may swap them. */
    public volatile List<CommandInfo> commands;
    /** When set, matching invocations wait for it before they are answered: core being slow (a busy database). */
    public volatile CountDownLatch gate;
    /** Who this core counts as staff (default: nobody), for {@link #isStaff}. */
    public volatile Predicate<Actor> staff = a -> false;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Function<Invocation, Reply> answer;
    private volatile Completer completer = (c, o, p, l) -> List.of();
    private volatile Predicate<Invocation> gated = i -> true;

    /** A core with these commands that answers each invocation with {@code answer}. */
    public RecordingHandler(List<CommandInfo> commands, Function<Invocation, Reply> answer) {
        this.commands = commands;
        this.answer = answer;
    }

    /** A core with no commands that answers everything with "ok", privately. */
    public RecordingHandler() {
        this(List.of(), i -> Reply.personally(OutgoingMessage.text("ok")));
    }

    public RecordingHandler completer(Completer value) {
        this.completer = value;
        return this;
    }

    /** Only invocations matching {@code which} wait at the {@link #gate} (default: all, when there is a gate). */
    public RecordingHandler gateWhen(Predicate<Invocation> which) {
        this.gated = which;
        return this;
    }

    /** The next invocation core received, waiting at most ten seconds. */
    public Invocation next() throws InterruptedException {
        Invocation i = queue.poll(10, TimeUnit.SECONDS);
        if (i == null) {
            throw new AssertionError("core received no invocation within 10 s");
        }
        return i;
    }

    /** Forgets invocations nobody waited for, so one test's leftovers do not answer the next test's wait. */
    public void clear() {
        queue.clear();
    }

    @Override
    public Reply handle(Invocation invocation) {
        invocations.add(invocation);
        threads.add(Thread.currentThread().getName());
        queue.add(invocation);
        CountDownLatch g = gate;
        if (g != null && gated.test(invocation)) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer.apply(invocation);
    }

    /**
     * What a form's submission gets (default: done, with {@link #handle}'s answer); a test may answer a refusal, as
     * core does for a field at fault. The invocation is recorded by {@link #handle} either way.
     */
    public volatile Function<Reply, org.ccnsobot.port.Submission> submission = org.ccnsobot.port.Submission.Done::new;

    @Override
    public org.ccnsobot.port.Submission submit(Invocation invocation) {
        return submission.apply(handle(invocation));
    }

    @Override
    public boolean isStaff(Actor actor) {
        return staff.test(actor);
    }

    @Override
    public List<CommandInfo> commands() {
        return commands;
    }

    @Override
    public List<Choice> complete(String command, String option, String prefix, int limit) {
        completions.add(command + " " + option + " " + prefix);
        return completer.complete(command, option, prefix, limit);
    }
}
