package org.ccnsobot.kernel;


/**
 * Every attempt at a staff command leaves one audit row, whatever became of it: "done", "refused: …" (not staff)
 * or "failed: …" (a bad option, a rule the command enforces). It sits in front of the staff gate and the option
 * binding, so neither can turn an attempt away unrecorded.
 */
public final class AuditTrail implements Middleware {
    private final Sink audit;

    /** Where audit rows go (the audit feature's log, stored in the database). */
    @FunctionalInterface
    public interface Sink {
        void record(java.time.Instant at, String platform, String userId, String action, String outcome, String detail);
    }

    public AuditTrail(Sink audit) {
        this.audit = audit;
    }

    @Override
    public Result handle(Request request, Next next) throws CommandException {
        if (!(request.target() instanceof Target.Command c) || !c.spec().staffOnly()) {
            return next.proceed(request);
        }
        String action = c.spec().name();
        try {
            Result r = next.proceed(request);
            record(request, action, "done");
            return r;
        } catch (Refusal e) {
            record(request, action, "refused: " + e.reason());
            throw e;
        } catch (CommandException e) {
            record(request, action, "failed: " + Text.shorten(e.getMessage(), 200));
            throw e;
        }
    }

    private void record(Request request, String action, String outcome) {
        audit.record(request.now(), request.invocation().actor().platform(), request.invocation().actor().userId(),
                action, outcome, Text.shorten(request.invocation().rawText(), 500));
    }
}
