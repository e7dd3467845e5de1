package org.ccnsobot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.support.Truncation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's staff forms ({@link InboundHandler#form}) as Slack modals: {@code views.open} with one input block per
 * field (block id = the command's option), and the {@code view_submission} answered within Slack's 3 s. The
 * submission is the typed command, run by core's {@link InboundHandler#submit} with the command's own checks; a
 * refusal goes back as {@code response_action: errors} beside the field core names ({@link Reply#refusedField}),
 * or beside the first field when core names none, so the modal stays open to be fixed. A saved submission closes
 * the modal and its answer goes privately where the form was opened from (the slash command's or button's
 * response_url, else the member's DM).
 *
 * <p>Slack can keep a refused form open, which Discord cannot; core's "Fix it" button (and the draft core keeps)
 * is therefore shown only when the answer comes too late for the ack. Edit and move from the App Home first ask
 * which event in a one-field modal of this adapter's own, replaced by core's pre-filled form ({@code update}).
 * What a submission needs (command, hidden options, where to answer) travels in the modal's private_metadata, so a
 * form opened before a restart still works after it.
 */
final class SlackModals {
    private static final Logger LOG = LoggerFactory.getLogger(SlackModals.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CALLBACK = "ccnso_form";
    /** The adapter's first step of edit and move from the App Home: which event. */
    static final String PICK = "ccnso_pick";
    /** The input's action id inside each block (the block id is the field's option). */
    static final String INPUT = "value";
    static final String PICK_FIELD = "id";
    static final int MAX_TITLE = 24;
    static final int MAX_LABEL = 2000;
    static final int MAX_PLACEHOLDER = 150;
    static final int MAX_INPUT = 3000;
    static final int MAX_METADATA = 3000;
    static final int MAX_ERROR = 500;
    /**
     * How long a submission's ack waits for core: Slack wants the answer within 3 s of sending, and Bolt's own
     * handling before ours can take a second on a loaded host. A slower core gets the modal closed and its answer,
     * or its refusal with core's Fix it button, sent where the form came from instead.
     */
    static final Duration SUBMIT_WAIT = Duration.ofMillis(1500);

    /** What a submission needs, kept in the modal's private_metadata (short names: it holds 3,000 characters). */
    record Meta(String c, Map<String, String> f, List<String> fields, String ch, boolean dm, String u) {
    }

    /** What a {@code /ccnso} line or a shortcut asks for: the form's command and what pre-fills it. */
    record Ask(String command, Map<String, String> context) {
        /** Edit and move need an event; without one the adapter asks for it first. */
        boolean needsEvent() {
            return (command.equals("event-edit") || command.equals("event-move")) && !context.containsKey("id")
                    && !context.containsKey(Form.DRAFT);
        }
    }

    /** Delivers a reply privately where the form was opened from, worded for {@code actor}. */
    @FunctionalInterface
    interface Answers {
        void deliver(Reply reply, String responseUrl, Actor actor);
    }

    private final InboundHandler handler;
    private final MethodsClient methods;
    private final SlackCalls calls;
    private final Clock clock;
    private final Executor work;
    private final Answers answers;
    private final SlackTexts texts;
    private final Function<Actor, Locale> platformLocale;

    SlackModals(InboundHandler handler, MethodsClient methods, SlackCalls calls, Clock clock, Executor work,
                Answers answers, SlackTexts texts, Function<Actor, Locale> platformLocale) {
        this.handler = handler;
        this.methods = methods;
        this.calls = calls;
        this.clock = clock;
        this.work = work;
        this.answers = answers;
        this.texts = texts;
        this.platformLocale = platformLocale;
        // the first submission must not pay for Jackson reading its first record (seconds on a loaded host)
        work.execute(() -> meta(metadata(new Meta("warm-up", Map.of("id", "x"), List.of("title"), "C0", false, null))));
    }

    // ---- opening ----

    private static final Pattern EVENT_FORM = Pattern.compile("(?i)event[- ](add|edit|move)(?:\\s+(\\S+))?");

    /**
     * {@code /ccnso event add} and {@code announce} alone, and {@code event edit [id]}, {@code event move [id]}
     * with nothing more, open their forms: the lines that would otherwise only get a usage reply. Anything longer
     * is the text command, as before.
     */
    static Optional<Ask> ask(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("announce")) {
            return Optional.of(new Ask("announce", Map.of()));
        }
        Matcher m = EVENT_FORM.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        if (verb.equals("add")) {
            return m.group(2) == null ? Optional.of(new Ask("event-add", Map.of())) : Optional.empty();
        }
        return Optional.of(new Ask("event-" + verb, m.group(2) == null ? Map.of() : Map.of("id", m.group(2))));
    }

    /**
     * Asks core for the form and opens it with {@code triggerId} (valid for 3 s after the click or command). A
     * refusal (not staff, no such event, a draft no longer kept) is answered privately where the request came
     * from, and nothing opens.
     */
    void open(String triggerId, Actor actor, Place place, Ask ask, String responseUrl) {
        Locale reader = language(actor);
        if (ask.needsEvent() && staff(actor)) {
            View pick = pick(ask.command(), place, responseUrl, reader);
            viewsOpen(triggerId, pick, ask.command(), actor);
            return;
        }
        Reply reply = handler.form(request(actor, place, ask.command(), ask.context()));
        Optional<Form> form = form(reply);
        if (form.isEmpty()) {
            answers.deliver(reply, responseUrl, actor);
            return;
        }
        if (form.get().fields().stream().anyMatch(f -> f.value().length() > MAX_INPUT)) {
            // Slack refuses a view whose value is over its field's length, and cutting would lose text on submission
            answers.deliver(Reply.personally(OutgoingMessage.text(texts.t(reader, "slack.form.tooLong",
                    "That text is longer than a Slack form holds (3,000 characters); change it with the typed command"
                            + " instead."))), responseUrl, actor);
            return;
        }
        viewsOpen(triggerId, modal(form.get(), place, responseUrl, reader), ask.command(), actor);
    }

    private void viewsOpen(String triggerId, View view, String what, Actor actor) {
        calls.call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)))
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("could not open the {} form for {}: {}", what, actor.userId(), e.getMessage());
                    }
                });
    }

    /** The form in core's answer to a form request, if core gave one. */
    static Optional<Form> form(Reply reply) {
        return reply.message().blocks().stream().filter(b -> b instanceof Block.OpenForm)
                .map(b -> ((Block.OpenForm) b).form()).findFirst();
    }

    /** The modal of a form: one input block per field, block id = option name; the rest in private_metadata. */
    View modal(Form form, Place place, String responseUrl, Locale reader) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Form.Field f : form.fields()) {
            names.add(f.option());
            PlainTextInputElement.PlainTextInputElementBuilder input = PlainTextInputElement.builder().actionId(INPUT)
                    .multiline(f.multiline()).maxLength(Math.max(1, Math.min(f.maxLength(), MAX_INPUT)));
            if (!f.value().isEmpty()) {
                input.initialValue(f.value());
            }
            if (!f.hint().isBlank()) {
                input.placeholder(plain(f.hint(), MAX_PLACEHOLDER));
            }
            blocks.add(InputBlock.builder().blockId(f.option()).label(plain(f.label(), MAX_LABEL))
                    .optional(!f.required()).element(input.build()).build());
        }
        return view(CALLBACK, form.title(), blocks, new Meta(form.command(), form.fixed(), names, place.channelId(),
                place.direct(), responseUrl), reader);
    }

    /** The first step of edit or move from the App Home: the event's id, checked by core on submission. */
    View pick(String command, Place place, String responseUrl, Locale reader) {
        String title = texts.t(reader, "form." + command, command.equals("event-edit") ? "Edit an event" : "Move an event");
        PlainTextInputElement input = PlainTextInputElement.builder().actionId(INPUT).maxLength(200)
                .placeholder(plain(texts.t(reader, "slack.form.pickHint", "The id in brackets in next, week or schedule"),
                        MAX_PLACEHOLDER)).build();
        List<LayoutBlock> blocks = List.of(InputBlock.builder().blockId(PICK_FIELD)
                .label(plain(texts.t(reader, "slack.form.pick", "Event id"), MAX_LABEL)).element(input).build());
        return view(PICK, title, blocks, new Meta(command, Map.of(), List.of(PICK_FIELD), place.channelId(),
                place.direct(), responseUrl), reader);
    }

    private View view(String callback, String title, List<LayoutBlock> blocks, Meta meta, Locale reader) {
        return View.builder().type("modal").callbackId(callback)
                .title(ViewTitle.builder().type("plain_text").text(cut(title, MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(cut(texts.t(reader, "slack.form.submit", "Submit"),
                        MAX_TITLE)).build())
                .close(ViewClose.builder().type("plain_text").text(cut(texts.t(reader, "slack.form.cancel", "Cancel"),
                        MAX_TITLE)).build())
                .privateMetadata(metadata(meta)).blocks(blocks).build();
    }

    /** private_metadata as JSON; the response_url is left out (answers go by DM) rather than the form refused. */
    static String metadata(Meta meta) {
        try {
            String json = JSON.writeValueAsString(meta);
            if (json.length() > MAX_METADATA && meta.u() != null) {
                json = JSON.writeValueAsString(new Meta(meta.c(), meta.f(), meta.fields(), meta.ch(), meta.dm(), null));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Meta> meta(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            Meta m = JSON.readValue(json, Meta.class);
            return m.c() == null || m.fields() == null || m.fields().isEmpty() ? Optional.empty() : Optional.of(m);
        } catch (JsonProcessingException e) {
            LOG.debug("a form's private_metadata is not ours: {}", e.getMessage());
            return Optional.empty();
        }
    }

    // ---- submission ----

    /**
     * Answers a {@code view_submission} within Slack's 3 s: core runs the command on the work executor; a refusal
     * becomes the errors response, anything else closes the modal and is delivered privately where the form came
     * from. A member's submission is refused by core (and audited there) and shown beside the first field.
     */
    Response submit(ViewSubmissionPayload p, ViewSubmissionContext ctx, Actor actor) {
        long deadline = System.nanoTime() + SUBMIT_WAIT.toNanos();   // what runs before core counts against the wait
        Optional<Meta> found = meta(p.getView().getPrivateMetadata());
        if (found.isEmpty()) {
            return ctx.ack();
        }
        Meta meta = found.get();
        boolean pick = PICK.equals(p.getView().getCallbackId());
        Map<String, String> values = values(p.getView().getState(), meta);
        Place place = new Place("slack", meta.ch() == null ? actor.userId() : meta.ch(), meta.ch() == null || meta.dm());
        Map<String, String> options = new LinkedHashMap<>(meta.f() == null ? Map.of() : meta.f());
        options.putAll(values);
        Invocation invocation = request(actor, place, meta.c(), options);
        Locale reader = language(actor);
        String first = meta.fields().get(0);
        boolean member = !staff(actor);
        CompletableFuture<Reply> running = CompletableFuture.supplyAsync(pick
                ? () -> handler.form(invocation) : () -> handler.submit(invocation), work);
        Reply reply;
        try {
            reply = running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (pick) {
                return ctx.ackWithErrors(Map.of(first, cut(texts.t(reader, "slack.form.slow",
                        "That took too long; please submit again."), MAX_ERROR)));
            }
            LOG.info("the {} form of {} took longer than the ack can wait; its answer follows", meta.c(), actor.userId());
            running.whenComplete((late, err) -> {
                if (late != null) {
                    answers.deliver(late, meta.u(), actor);   // a refusal comes with core's Fix it button
                } else {
                    LOG.error("the {} form of {} failed", meta.c(), actor.userId(), err);
                }
            });
            return ctx.ack();
        } catch (ExecutionException e) {
            LOG.error("the {} form of {} failed", meta.c(), actor.userId(), e.getCause());
            return ctx.ackWithErrors(Map.of(first, cut(texts.t(reader, "slack.form.failed",
                    "Something went wrong; nothing was saved. Please try again."), MAX_ERROR)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack();
        }
        if (pick) {
            Optional<Form> next = form(reply);
            return next.isPresent() ? ctx.ackWithUpdate(modal(next.get(), place, meta.u(), reader))
                    : ctx.ackWithErrors(Map.of(first, cut(reply.text(), MAX_ERROR)));
        }
        Optional<String> field = reply.refusedField().filter(meta.fields()::contains);
        if (field.isPresent() || member || offersFixIt(reply)) {
            return ctx.ackWithErrors(Map.of(field.orElse(first), cut(reply.text(), MAX_ERROR)));
        }
        work.execute(() -> answers.deliver(reply, meta.u(), actor));
        return ctx.ack();
    }

    /**
     * Whether core refused the submission without naming a field: its answer then offers the Fix it button (a form
     * button carrying the kept draft), which no saved submission's answer does.
     */
    static boolean offersFixIt(Reply reply) {
        return reply.message().blocks().stream().filter(b -> b instanceof Block.Actions)
                .flatMap(b -> ((Block.Actions) b).actions().stream())
                .anyMatch(a -> a.opensForm() && a.options().containsKey(Form.DRAFT));
    }

    /**
     * The submitted values by field, as Slack sends them ({@code state.values[block][action].value}); an empty
     * field is submitted as "" (core reads a blank value as not given).
     */
    static Map<String, String> values(ViewState state, Meta meta) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Map<String, ViewState.Value>> all = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        for (String field : meta.fields()) {
            ViewState.Value v = all.getOrDefault(field, Map.of()).get(INPUT);
            out.put(field, v == null || v.getValue() == null ? "" : v.getValue());
        }
        return out;
    }

    private Invocation request(Actor actor, Place place, String command, Map<String, String> options) {
        return Invocation.command(actor, place, command, options, clock.instant()).withLocale(platformLocale.apply(actor));
    }

    private Locale language(Actor actor) {
        return call(() -> handler.languageOf(actor, platformLocale.apply(actor)), Locale.ENGLISH);
    }

    private boolean staff(Actor actor) {
        return call(() -> handler.isStaff(actor), false);
    }

    private static <T> T call(Supplier<T> s, T otherwise) {
        try {
            T t = s.get();
            return t == null ? otherwise : t;
        } catch (RuntimeException e) {
            LOG.warn("could not ask core: {}", e.toString());
            return otherwise;
        }
    }

    private static PlainTextObject plain(String text, int max) {
        // plain_text renders no markup, but Slack still reads its three entities: escaped as the renderer does
        return PlainTextObject.builder().text(SlackRenderer.truncate(SlackRenderer.escape(text == null ? "" : text), max))
                .emoji(true).build();
    }

    private static String cut(String text, int max) {
        return Truncation.cut(text == null ? "" : text, max);
    }
}
