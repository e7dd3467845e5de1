package org.ccnsobot.kernel;

/** Staff-only commands run for staff only; who is staff was decided from config when the request was made. */
public final class StaffGate implements Middleware {

    @Override
    public Result handle(Request request, Next next) throws CommandException {
        if (request.target() instanceof Target.Command c && c.spec().staffOnly() && !request.staff()) {
            throw new Refusal("'" + c.spec().name() + "' is for ccNSO staff only.", "not staff");
        }
        return next.proceed(request);
    }
}
