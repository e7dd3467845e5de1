package org.ccnsobot.outbox;

/**
 * A kind of job a feature sends through the outbox, with its typed payload. Registered once with
 * {@link Outbox#register} before the outbox starts; the outbox claims, sends, retries and settles its jobs like any
 * other and never looks at the kind's name for anything but finding it again.
 */
public interface JobKind<P> {

    /** Stored in the {@code kind} column; stable across releases. */
    String name();

    PayloadCodec<P> payload();

    /**
     * The message for a due job, worded now (catch-up text is the text of now), or why it is no longer worth
     * sending. Called outside any database transaction; may throw, which counts as a failed attempt.
     */
    Rendering render(Job<P> job, SendContext context);

    /** Called once the job is settled (sent, dropped or failed for good). */
    default void settled(Job<P> job) {
    }

    /**
     * How the logs (and an English staff alert) name the job ("The 24h reminder of ccNSO Council meeting 300
     * [council-300]").
     */
    default String describe(Job<P> job) {
        return describe(job, java.util.Locale.ENGLISH);
    }

    /**
     * How a staff alert in {@code locale} names the job; a kind words its jobs by overriding this one (the English
     * {@link #describe(Job)} follows).
     */
    default String describe(Job<P> job, java.util.Locale locale) {
        return org.ccnsobot.i18n.Messages.t(locale, "staffAlert.job", name(), job.part(), job.subject());
    }

    /** Whether a job that failed for good raises a staff alert (an alert itself does not). */
    default boolean alertsStaffOnFailure() {
        return true;
    }
}
