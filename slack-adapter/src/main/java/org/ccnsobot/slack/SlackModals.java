package org.ccnsobot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.Submission;
import org.ccnsobot.port.support.Truncation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's staff forms as Slack modals: {@code views.open} with one input block per field (block id = the command's
 * option), and the {@code view_submission} answered in the same 3 s: a refusal goes back as
 * {@code response_action: errors} beside its field, so the form stays open to be fixed; a first step (which event?)
 * is replaced by the pre-filled form ({@code update}); a done submission closes the modal and its reply goes where
 * the form was opened from (the response_url of the slash command or button, else the member's DM).
 *
 * <p>The modal validates nothing itself: the submission is the command's typed invocation, run by core through the
 * same pipeline as the text command. What the modal needs on submission (form, command, fixed options, where to
 * answer) travels in its private_metadata, so a form opened before a restart still works after it.
 */
final class SlackModals {
    private static final Logger LOG = LoggerFactory.getLogger(SlackModals.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CALLBACK = "ccnso_form";
    /** The input's action id inside each block (the block id is the field's name). */
    static final String INPUT = "value";
    static final int MAX_TITLE = 24;
    static final int MAX_LABEL = 2000;
    static final int MAX_HINT = 2000;
    static final int MAX_INPUT = 3000;
    static final int MAX_METADATA = 3000;
    static final int MAX_ERROR = 500;
    /**
     * How long a submission's ack waits for core: Slack wants the answer within 3 s of sending, and Bolt's own
     * handling before ours can take a second on a loaded host. A slower core (a database busy in another process)
     * gets the modal closed and its answer, or its refusal, sent where the form came from instead.
     */
    static final Duration SUBMIT_WAIT = Duration.ofMillis(1500);

    /** What a submission needs, kept in the modal's private_metadata. */
    record Meta(String form, String command, Map<String, String> fixed, Map<String, String> whenEmpty,
                List<String> fields, String channel, String responseUrl) {
    }

    /** Delivers a reply where the form was opened from. */
    @FunctionalInterface
    interface Answers {
        void deliver(Reply reply, String responseUrl, String userId);
    }

    private final InboundHandler handler;
    private final MethodsClient methods;
    private final SlackCalls calls;
    private final Clock clock;
    private final Executor work;
    private final Answers answers;

    SlackModals(InboundHandler handler, MethodsClient methods, SlackCalls calls, Clock clock, Executor work,
                Answers answers) {
        this.handler = handler;
        this.methods = methods;
        this.calls = calls;
        this.clock = clock;
        this.work = work;
        this.answers = answers;
    }

    // ---- opening ----

    private static final Pattern EVENT_FORM = Pattern.compile("(?i)event[- ](add|edit|move)(?:\\s+(\\S+))?");

    /** What a {@code /ccnso} line that opens a form asks for: the form and its context. */
    record Ask(String form, Map<String, String> context) {
    }

    /**
     * {@code /ccnso event add} (nothing more), {@code event edit [id]}, {@code event move [id]} and {@code announce}
     * alone open their forms: the lines that would otherwise only get a usage reply. Anything longer is the text
     * command, as before.
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
        String verb = m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (verb.equals("add")) {
            return m.group(2) == null ? Optional.of(new Ask("event-add", Map.of())) : Optional.empty();
        }
        return Optional.of(new Ask("event-" + verb, m.group(2) == null ? Map.of() : Map.of("id", m.group(2))));
    }

    /**
     * Asks core for the form and opens it with {@code triggerId} (valid for 3 s after the click or command). A
     * refusal (not staff, no such event) is answered where the request came from, and nothing opens.
     */
    void open(String triggerId, Actor actor, Place place, Ask ask, String responseUrl) {
        Form.Opening opening = handler.form(Invocation.command(actor, place, ask.form(), ask.context(), clock.instant()));
        if (opening instanceof Form.Opening.Refused r) {
            answers.deliver(Reply.personally(OutgoingMessage.text(r.reason())), responseUrl, actor.userId());
            return;
        }
        Form form = ((Form.Opening.Shown) opening).form();
        Optional<Form.Field> tooLong = form.fields().stream()
                .filter(f -> f.value() != null && f.value().length() > MAX_INPUT).findFirst();
        if (tooLong.isPresent()) {
            // Slack refuses a view whose value is over its field's length, and cutting would lose text on submission
            answers.deliver(Reply.personally(OutgoingMessage.text("The " + tooLong.get().label().toLowerCase(
                    java.util.Locale.ROOT) + " is longer than a Slack form holds (" + MAX_INPUT + " characters);"
                    + " change it with the text command instead.")), responseUrl, actor.userId());
            return;
        }
        View view = modal(form, place.channelId(), responseUrl);
        calls.call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)))
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("could not open form {} for {}: {}", form.name(), actor.userId(), e.getMessage());
                    }
                });
    }

    /** The modal of a form: one input block per field, block id = option name; the rest in private_metadata. */
    static View modal(Form form, String channel, String responseUrl) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (form.intro() != null && !form.intro().isBlank()) {
            blocks.add(SlackRenderer.section(SlackRenderer.truncate(SlackRenderer.escape(form.intro()),
                    SlackRenderer.MAX_SECTION_TEXT)));
        }
        Map<String, String> whenEmpty = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Form.Field f : form.fields()) {
            names.add(f.name());
            if (f.whenEmpty() != null) {
                whenEmpty.put(f.name(), f.whenEmpty());
            }
            InputBlock.InputBlockBuilder b = InputBlock.builder().blockId(f.name())
                    .label(plain(f.label(), MAX_LABEL)).optional(!f.required()).element(element(f));
            if (f.hint() != null && !f.hint().isBlank()) {
                b.hint(plain(f.hint(), MAX_HINT));
            }
            blocks.add(b.build());
        }
        Meta meta = new Meta(form.name(), form.command(), form.fixed(), whenEmpty, names, channel, responseUrl);
        return View.builder().type("modal").callbackId(CALLBACK)
                .title(ViewTitle.builder().type("plain_text").text(cut(form.title(), MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(cut(form.submitLabel(), MAX_TITLE)).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata(meta)).blocks(blocks).build();
    }

    private static BlockElement element(Form.Field f) {
        if (f.kind() == Form.Kind.CHOICE && !f.choices().isEmpty()) {
            List<OptionObject> options = f.choices().stream().map(c -> OptionObject.builder()
                    .text(plain(c, 75)).value(c).build()).toList();
            StaticSelectElement.StaticSelectElementBuilder s = StaticSelectElement.builder().actionId(INPUT)
                    .options(options);
            options.stream().filter(o -> o.getValue().equals(f.value())).findFirst().ifPresent(s::initialOption);
            return s.build();
        }
        PlainTextInputElement.PlainTextInputElementBuilder t = PlainTextInputElement.builder().actionId(INPUT)
                .multiline(f.kind() == Form.Kind.PARAGRAPH)
                .maxLength(Math.min(f.maxLength() <= 0 ? MAX_INPUT : f.maxLength(), MAX_INPUT));
        if (f.value() != null) {
            t.initialValue(f.value());
        }
        return t.build();
    }

    /** private_metadata as JSON; the response_url is left out rather than the form refused, if it would not fit. */
    static String metadata(Meta meta) {
        try {
            String json = JSON.writeValueAsString(meta);
            if (json.length() > MAX_METADATA && meta.responseUrl() != null) {
                json = JSON.writeValueAsString(new Meta(meta.form(), meta.command(), meta.fixed(), meta.whenEmpty(),
                        meta.fields(), meta.channel(), null));
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
            return Optional.of(JSON.readValue(json, Meta.class));
        } catch (JsonProcessingException e) {
            LOG.debug("a form's private_metadata is not ours: {}", e.getMessage());
            return Optional.empty();
        }
    }

    // ---- submission ----

    /**
     * Answers a {@code view_submission} within Slack's 3 s: core runs the command on the work executor; its refusal
     * becomes the errors response, its answer closes the modal and is delivered where the form came from.
     */
    Response submit(ViewSubmissionPayload p, ViewSubmissionContext ctx, Actor actor) {
        Optional<Meta> found = meta(p.getView().getPrivateMetadata());
        if (found.isEmpty() || found.get().fields() == null || found.get().fields().isEmpty()) {
            return ctx.ack();
        }
        Meta meta = found.get();
        Map<String, String> values = values(p.getView().getState(), meta);
        String channel = meta.channel() == null ? actor.userId() : meta.channel();
        Place place = new Place("slack", channel, meta.channel() == null || meta.channel().startsWith("D"));
        if (meta.command() == null) {
            // the first step (which event?): the form for it replaces this one, or the reason shows beside the field
            Form.Opening next = handler.form(Invocation.command(actor, place, meta.form(), values, clock.instant()));
            if (next instanceof Form.Opening.Shown s) {
                return ctx.ackWithUpdate(modal(s.form(), meta.channel(), meta.responseUrl()));
            }
            return ctx.ackWithErrors(Map.of(meta.fields().get(0), cut(((Form.Opening.Refused) next).reason(), MAX_ERROR)));
        }
        Map<String, String> options = new LinkedHashMap<>(meta.fixed() == null ? Map.of() : meta.fixed());
        options.putAll(values);
        Invocation invocation = Invocation.command(actor, place, meta.command(), options, clock.instant());
        CompletableFuture<Submission> running = CompletableFuture.supplyAsync(() -> handler.submit(invocation), work);
        Submission done;
        try {
            done = running.get(SUBMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("form {} of {} took longer than the ack can wait; its answer follows", meta.form(), actor.userId());
            running.whenComplete((s, err) -> late(s, err, meta, actor));
            return ctx.ack();
        } catch (ExecutionException e) {
            LOG.error("form {} of {} failed", meta.form(), actor.userId(), e.getCause());
            return ctx.ackWithErrors(Map.of(meta.fields().get(0), "Something went wrong; nothing was saved."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack();
        }
        if (done instanceof Submission.Refused r) {
            String block = r.field() != null && meta.fields().contains(r.field()) ? r.field() : meta.fields().get(0);
            return ctx.ackWithErrors(Map.of(block, cut(r.reason(), MAX_ERROR)));
        }
        Reply reply = ((Submission.Done) done).reply();
        work.execute(() -> answers.deliver(reply, meta.responseUrl(), actor.userId()));
        return ctx.ack();
    }

    /** After the modal was closed: a refusal is told as a message, with nothing saved. */
    private void late(Submission s, Throwable err, Meta meta, Actor actor) {
        if (err != null) {
            LOG.error("form {} of {} failed", meta.form(), actor.userId(), err);
            return;
        }
        Reply reply = s instanceof Submission.Done d ? d.reply()
                : Reply.personally(OutgoingMessage.text(((Submission.Refused) s).reason()));
        answers.deliver(reply, meta.responseUrl(), actor.userId());
    }

    /**
     * The submitted values by field, as Slack sends them ({@code state.values[block][action].value}, or the
     * selected option of a select); an empty field is left out, or submitted as its {@code whenEmpty}.
     */
    static Map<String, String> values(ViewState state, Meta meta) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Map<String, ViewState.Value>> all = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        for (String field : meta.fields()) {
            ViewState.Value v = all.getOrDefault(field, Map.of()).get(INPUT);
            String text = v == null ? null : v.getSelectedOption() != null ? v.getSelectedOption().getValue()
                    : v.getValue();
            if (text != null && !text.isBlank()) {
                out.put(field, text.strip());
            } else if (meta.whenEmpty() != null && meta.whenEmpty().containsKey(field)) {
                out.put(field, meta.whenEmpty().get(field));
            }
        }
        return out;
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(SlackRenderer.truncate(SlackRenderer.escape(text), max)).emoji(true)
                .build();
    }

    private static String cut(String text, int max) {
        return Truncation.cut(text == null ? "" : text, max);
    }
}
