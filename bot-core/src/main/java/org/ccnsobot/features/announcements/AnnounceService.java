// Over 500 lines on purpose: one announcement from draft to delivery (commands, forms, preview, send, resend,
// render) in one place; its parts (TextParts, AnnounceInput, AnnouncementStore) are already apart.
package org.ccnsobot.features.announcements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.Args;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.FormSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.JobState;
import org.ccnsobot.outbox.NewJob;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.PayloadCodec.NoPayload;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff announcements, a kind of outbox job. Commands work once the outbox runs in this process (it holds the
 * platforms); {@link #create} registers the kind before the outbox starts, so no job of ours is ever fired by an
 * outbox that does not know how to word it.
 */
public final class AnnounceService {
    private static final Logger LOG = LoggerFactory.getLogger(AnnounceService.class);
    static final String KIND = "announcement";
    /** Room kept in a first message for the pings the adapter puts in front ("@everyone", "<!subteam^…>"). */
    static final int PING_RESERVE = 40;
    private static final Duration PLATFORM_WAIT = Duration.ofSeconds(15);
    private static final Pattern SUB = Pattern.compile("(?si)(confirm|cancel|delete|edit)\\s+(#?[Aa]?\\d{1,9})(?:\\s+(.*))?");

    private final AnnouncementStore store;
    private final CalendarService calendar;
    private final BotConfig config;
    private final Clock clock;
    private final Database db;
    private final Outbox reminders;
    private final AnnouncementRows kind = new AnnouncementRows();

    private AnnounceService(Database db, CalendarService calendar, BotConfig config, Clock clock, Outbox outbox) {
        this.db = db;
        this.store = new AnnouncementStore(db);
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
        this.reminders = outbox;
    }

    /**
     * The announcements, registered as an outbox kind. Call before the outbox starts (its first firing must already
     * know our jobs).
     */
    public static AnnounceService create(Database db, CalendarService calendar, BotConfig config, Clock clock,
                                         Outbox outbox) {
        AnnounceService s = new AnnounceService(db, calendar, config, clock, outbox);
        outbox.register(s.kind);
        return s;
    }

    // ---- commands ----

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("announce", List.of(), "Post an announcement (preview first, then confirm)",
                        List.of(OptionSpec.requiredRest("text", OptionKind.TEXT,
                                        "The text (\\n for a line break, \\n\\n between paragraphs); or confirm|cancel|delete <id>, edit <id> <new text>"),
                                OptionSpec.flag("at", OptionKind.TEXT,
                                        "When: 2024-03-04T13:00Z, or \"2024-03-04 09:00 America/Puerto_Rico\" (default now)"),
                                OptionSpec.flag("to", OptionKind.TEXT,
                                        "Where: platforms or channel ids, comma separated (default every announcement channel)"),
                                OptionSpec.flag("ping", OptionKind.TEXT,
                                        "Who is pinged: everyone, or a role/group id (platform:id); nobody by default")),
                        List.of("announce Registration for ICANN80 is open --at \"2024-03-04 09:00 America/Puerto_Rico\"",
                                "announce confirm A3", "announce edit A3 Registration closes Friday", "announce delete A3"),
                        true, true, this::announce),
                new CommandSpec("announcements", List.of(), "Scheduled and sent announcements, with delivery per platform",
                        List.of(), List.of("announcements"), true, true, (c, a) -> Result.text(list(c.zone(), c.locale()))));
    }

    /**
     * The staff form of {@code announce}; opened from a preview's Edit ({@code draft}: its id) it holds that draft,
     * and its submission is a new draft that replaces it, checked and previewed as any announce is.
     */
    public List<FormSpec> forms() {
        return List.of(new FormSpec("announce", List.of(FormSpec.FieldSpec.lines("text", true),
                FormSpec.FieldSpec.line("at"), FormSpec.FieldSpec.line("to"), FormSpec.FieldSpec.line("ping")),
                this::draftForm));
    }

    private FormSpec.Filled draftForm(CommandContext ctx, Map<String, String> given) throws CommandException {
        if (!given.containsKey("draft")) {
            return FormSpec.Filled.EMPTY;
        }
        Locale l = ctx.locale();
        Announcement a = find(AnnounceInput.id(given.get("draft"), l), l);
        if (a.state() != Announcement.State.DRAFT) {
            throw new CommandException(t(l, "ann.notDraft", a.subject(), state(a.state().sql(), l)));
        }
        if (!a.platform().equals(ctx.platform()) || !a.author().equals(ctx.userId())) {
            throw new CommandException(t(l, "ann.notYours.edit", a.subject()));
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("text", a.text());
        // a draft that posts on confirmation was stored with its writing time: the field stays empty for it
        v.put("at", a.publishAt().isAfter(clock.instant()) ? java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT).format(a.publishAt().atZone(java.time.ZoneOffset.UTC))
                + " UTC" : "");
        List<? extends Destination> defaults = reminders == null ? List.of()
                : reminders.platforms().channels(org.ccnsobot.port.ChannelRole.ANNOUNCEMENTS);
        v.put("to", new java.util.HashSet<>(a.targets()).equals(new java.util.HashSet<>(defaults)) ? ""
                : String.join(", ", a.targets().stream().map(d -> d instanceof Destination.Channel ch
                        ? ch.platform() + ":" + ch.channelId() : d.key()).toList()));
        v.put("ping", a.ping().orElse(""));
        return new FormSpec.Filled(v, Map.of());
    }

    private Result announce(CommandContext ctx, Args args) throws CommandException {
        Locale l = ctx.locale();
        Outbox service = requireReminders(l);
        String text = args.requireText("text").strip();
        Matcher sub = SUB.matcher(text);
        AnnounceInput.refuseSlip(text, sub.matches() ? sub : null, () -> drafts(ctx), l);
        String verb = sub.matches() ? sub.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        if (sub.matches() && (verb.equals("edit") || sub.group(3) == null)) {
            long id = AnnounceInput.id(sub.group(2), l);
            if (args.has("at") || args.has("to") || args.has("ping")) {
                throw new CommandException(t(l, "ann.flagsWithVerb", verb));
            }
            return switch (verb) {
                case "confirm" -> confirm(ctx, id, service);
                case "cancel" -> cancel(id, service, l);
                case "delete" -> delete(id, service, l);
                default -> edit(id, sub.group(3) == null ? "" : sub.group(3), service, l);
            };
        }
        text = AnnounceInput.unescape(text);
        if (text.isBlank()) {
            throw new CommandException(t(l, "ann.noText"));
        }
        Instant now = clock.instant();
        Instant at = args.text("at").isPresent() ? AnnounceInput.parseAt(args.text("at").get(), ctx.zone(), now, l)
                : now;
        List<Destination> targets = AnnounceInput.targets(args.text("to"), ctx.platform(), service.platforms(), l);
        Optional<String> ping = AnnounceInput.ping(args.text("ping"), ctx.platform(), targets, l);
        Map<String, Integer> partsByPlatform = new LinkedHashMap<>();
        for (Destination d : targets) {
            partsByPlatform.put(d.platform(), split(text, d.platform(), ping, service, l).size());
        }
        Announcement a = store.saveDraft(ctx.platform(), ctx.userId(), text, at, targets, ping, now);
        StringBuilder sb = new StringBuilder(t(l, "ann.preview", a.subject(), at.equals(now) ? t(l, "ann.postsOnConfirm")
                : t(l, "ann.postsAt", TimeFormat.instant(at, ctx.zone(), l)), describe(targets), describePing(ping, l),
                text));
        partsByPlatform.forEach((p, n) -> {
            if (n > 1) {
                sb.append('\n').append(t(l, "ann.parts", p, n));
            }
        });
        sb.append('\n').append(t(l, "ann.postIt", a.subject()));
        String preview = sb.toString();
        // the same as buttons where the platform has them
        return new Result(org.ccnsobot.port.OutgoingMessage.of(preview, List.of(new Block.Paragraph(preview),
                new Block.Actions(List.of(
                        new Block.Action(t(l, "ann.button.confirm"), "announce", Map.of("text", "confirm " + a.subject()),
                                true),
                        Block.Action.form(t(l, "ann.button.edit"), "announce", Map.of("draft", a.subject())),
                        new Block.Action(t(l, "ann.button.cancel"), "announce", Map.of("text", "cancel " + a.subject()),
                                false))))),
                true);
    }

    private static String t(Locale l, String key, Object... args) {
        return org.ccnsobot.i18n.Messages.t(l, key, args);
    }

    /** A state's word ("scheduled", "posted") in {@code l}'s language. */
    private static String state(String sql, Locale l) {
        return org.ccnsobot.i18n.Messages.get().has("ann.state." + sql.replace(' ', '_'))
                ? t(l, "ann.state." + sql.replace(' ', '_')) : sql;
    }

    /** The asker's drafts, for a refusal: which ids {@code announce confirm} takes. */
    private String drafts(CommandContext ctx) {
        List<String> ids = store.drafts(ctx.platform(), ctx.userId()).stream().map(Announcement::subject).toList();
        return ids.isEmpty() ? t(ctx.locale(), "ann.noDrafts")
                : t(ctx.locale(), "ann.yourDrafts", String.join(", ", ids), ids.get(ids.size() - 1), ids.size());
    }

    private Result confirm(CommandContext ctx, long id, Outbox service) throws CommandException {
        Locale l = ctx.locale();
        Optional<Announcement> found = store.find(id);
        if (found.isEmpty()) {
            throw new CommandException(t(l, "ann.noSuchUnchanged", "A" + id, drafts(ctx)));
        }
        Announcement a = found.get();
        if (a.state() != Announcement.State.DRAFT) {
            throw new CommandException(t(l, "ann.notDraft", a.subject(), state(a.state().sql(), l)));
        }
        if (!a.platform().equals(ctx.platform()) || !a.author().equals(ctx.userId())) {
            throw new CommandException(t(l, "ann.notYours.confirm", a.subject()));
        }
        Instant now = clock.instant();
        Instant due = a.publishAt().isBefore(now) ? now : a.publishAt();
        List<NewJob<NoPayload>> jobs = new ArrayList<>();
        for (Destination d : a.targets()) {
            int n = split(a.text(), d.platform(), a.ping(), service, l).size();
            for (int part = 1; part <= n; part++) {
                jobs.add(new NewJob<>(a.subject(), Integer.toString(part), d, due, NoPayload.INSTANCE));
            }
        }
        // the state moves first: a row fired at once must find the announcement scheduled, not a draft
        if (!store.transition(id, Announcement.State.DRAFT, Announcement.State.SCHEDULED, due, now)) {
            throw new CommandException(t(l, "ann.changedMeanwhile", a.subject()));
        }
        service.enqueue(kind, jobs);
        LOG.info("Announcement {} by {}:{} scheduled for {} to {}", a.subject(), a.platform(), a.author(), due,
                a.targets());
        return Result.personalText(due.equals(now) ? t(l, "ann.confirmed.now", a.subject(), describe(a.targets()))
                : t(l, "ann.confirmed.later", a.subject(), TimeFormat.instant(due, ctx.zone(), l), describe(a.targets())));
    }

    private Result cancel(long id, Outbox service, Locale l) throws CommandException {
        Announcement a = find(id, l);
        Instant now = clock.instant();
        if (a.state() == Announcement.State.DRAFT
                && store.transition(id, Announcement.State.DRAFT, Announcement.State.CANCELLED, a.publishAt(), now)) {
            return Result.personalText(t(l, "ann.draftDropped", a.subject()));
        }
        if (a.state() != Announcement.State.SCHEDULED) {
            throw new CommandException(t(l, "ann.alreadyState", a.subject(), state(a.state().sql(), l)));
        }
        long posted = service.jobs(kind, a.subject()).stream().filter(j -> j.sent() || j.state() == JobState.SENDING).count();
        if (posted > 0) {
            throw new CommandException(t(l, "ann.alreadyPosted", a.subject(), posted));
        }
        store.transition(id, Announcement.State.SCHEDULED, Announcement.State.CANCELLED, a.publishAt(), now);
        int dropped = service.dropPending(kind, a.subject(), "the announcement was cancelled");
        return Result.personalText(t(l, "ann.cancelled", a.subject(), dropped));
    }

    private Result edit(long id, String newText, Outbox service, Locale l) throws CommandException {
        Announcement a = find(id, l);
        String text = AnnounceInput.unescape(newText.strip());
        if (text.isBlank()) {
            throw new CommandException(t(l, "ann.editUsage", a.subject()));
        }
        if (a.state() == Announcement.State.CANCELLED || a.state() == Announcement.State.DELETED) {
            throw new CommandException(t(l, "ann.nothingToEdit", a.subject(), state(a.state().sql(), l)));
        }
        Map<Destination, List<Job<NoPayload>>> rows = rowsByDestination(a, service);
        // the new text must keep the number of messages on every platform: a posted message can change, not multiply
        for (Destination d : a.targets()) {
            int now = split(text, d.platform(), a.ping(), service, l).size();
            int before = a.state() == Announcement.State.DRAFT ? now : rows.getOrDefault(d, List.of()).size();
            if (now != before) {
                throw new CommandException(t(l, "ann.partsChanged", now, d.platform(), a.subject(), before));
            }
        }
        if (rows.values().stream().flatMap(List::stream).anyMatch(j -> j.state() == JobState.SENDING)) {
            throw new CommandException(t(l, "ann.busy", a.subject()));
        }
        store.setText(id, text, clock.instant());
        if (a.state() == Announcement.State.DRAFT) {
            return Result.personalText(t(l, "ann.draftEdited", a.subject(), text));
        }
        Announcement edited = a.withText(text);
        List<String> outcome = new ArrayList<>();
        for (Map.Entry<Destination, List<Job<NoPayload>>> e : rows.entrySet()) {
            List<Job<NoPayload>> sent = e.getValue().stream().filter(Job::sent).toList();
            if (sent.isEmpty()) {
                boolean waiting = e.getValue().stream().anyMatch(j -> j.state() == JobState.PENDING);
                outcome.add(t(l, waiting ? "ann.out.waiting" : "ann.out.neverPostedEdit", where(e.getKey()),
                        delivery(e.getValue(), l)));
                continue;
            }
            List<TextParts.Part> parts = split(text, e.getKey().platform(), a.ping(), service, l);
            String failure = null;
            for (Job<NoPayload> j : sent) {
                int n = Integer.parseInt(j.part());
                OutgoingMessage m = message(edited, parts.get(n - 1), n, e.getKey().platform());
                failure = failure != null ? failure : call(service, e.getKey(), p -> p.edit(ref(j), m));
            }
            outcome.add(failure == null ? t(l, "ann.out.edited", where(e.getKey()))
                    : t(l, "ann.out.notEdited", where(e.getKey()), failure));
        }
        return Result.personalText(t(l, "ann.edited", a.subject(), String.join("; ", outcome)));
    }

    private Result delete(long id, Outbox service, Locale l) throws CommandException {
        Announcement a = find(id, l);
        if (a.state() == Announcement.State.DRAFT) {
            return cancel(id, service, l);
        }
        if (a.state() == Announcement.State.DELETED) {
            throw new CommandException(t(l, "ann.deletedAlready", a.subject()));
        }
        if (service.jobs(kind, a.subject()).stream().anyMatch(j -> j.state() == JobState.SENDING)) {
            throw new CommandException(t(l, "ann.busy", a.subject()));
        }
        Instant now = clock.instant();
        store.transition(id, a.state(), Announcement.State.DELETED, a.publishAt(), now);
        service.dropPending(kind, a.subject(), "the announcement was deleted");
        List<String> outcome = new ArrayList<>();
        for (Map.Entry<Destination, List<Job<NoPayload>>> e : rowsByDestination(a, service).entrySet()) {
            List<Job<NoPayload>> sent = e.getValue().stream().filter(Job::sent).toList();
            if (sent.isEmpty()) {
                outcome.add(t(l, "ann.out.neverPosted", where(e.getKey())));
                continue;
            }
            String failure = null;
            for (Job<NoPayload> j : sent) {
                String f = call(service, e.getKey(), p -> p.delete(ref(j)));
                failure = failure != null ? failure : f;
            }
            outcome.add(failure == null ? t(l, "ann.out.deleted", where(e.getKey()))
                    : t(l, "ann.out.notDeleted", where(e.getKey()), failure));
        }
        return Result.personalText(t(l, "ann.deleted", a.subject(), String.join("; ", outcome)));
    }

    /** Runs one edit or delete on a platform and waits for it; returns null when it worked, or why not. */
    private String call(Outbox service, Destination d,
                        java.util.function.Function<ChatPlatform, CompletableFuture<Void>> action) {
        Optional<ChatPlatform> o = service.platforms().platform(d.platform());
        if (o.isEmpty()) {
            return d.platform() + " is not running in this process";
        }
        try {
            CompletableFuture<Void> f = action.apply(o.get());
            f.get(PLATFORM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (TimeoutException e) {
            return "no answer within " + PLATFORM_WAIT.toSeconds() + " s";
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("Changing a posted announcement on {} failed", d.platform(), cause);
            return cause instanceof PlatformException ? cause.getMessage() : cause.getClass().getSimpleName() + ": "
                    + cause.getMessage();
        }
    }

    private static SentRef ref(Job<NoPayload> j) {
        String channel = j.destination() instanceof Destination.Channel c ? c.channelId()
                : ((Destination.DirectMessage) j.destination()).userId();
        return new SentRef(j.destination().platform(), channel, j.messageRef());
    }

    private Map<Destination, List<Job<NoPayload>>> rowsByDestination(Announcement a, Outbox service) {
        Map<Destination, List<Job<NoPayload>>> out = new LinkedHashMap<>();
        for (Destination d : a.targets()) {
            out.put(d, new ArrayList<>());
        }
        for (Job<NoPayload> j : service.jobs(kind, a.subject())) {
            out.computeIfAbsent(j.destination(), k -> new ArrayList<>()).add(j);
        }
        return out;
    }

    /** For the staff's {@code announcements} command. */
    String list(ZoneId zone) {
        return list(zone, Locale.ENGLISH);
    }

    String list(ZoneId zone, Locale l) {
        Outbox service = reminders;
        List<Announcement> all = store.recent(15);
        if (all.isEmpty()) {
            return t(l, "ann.list.none");
        }
        StringBuilder sb = new StringBuilder(t(l, "ann.list.title"));
        for (Announcement a : all) {
            Map<Destination, List<Job<NoPayload>>> rows = service == null ? Map.of() : rowsByDestination(a, service);
            sb.append("\n").append(t(l, "ann.list.line", a.subject(), state(label(a, rows), l),
                    TimeFormat.instant(a.publishAt(), zone, l), a.author(),
                    org.ccnsobot.kernel.Text.shorten(a.text().replace('\n', ' '), 60)));
            for (Map.Entry<Destination, List<Job<NoPayload>>> e : rows.entrySet()) {
                sb.append("\n    ").append(where(e.getKey())).append(": ").append(delivery(e.getValue(), l));
            }
        }
        return sb.toString();
    }

    /** Scheduled until its first post lands, then posted (or partly posted, while some posts wait or failed). */
    private static String label(Announcement a, Map<Destination, List<Job<NoPayload>>> rows) {
        if (a.state() != Announcement.State.SCHEDULED) {
            return a.state().sql();
        }
        List<Job<NoPayload>> all = rows.values().stream().flatMap(List::stream).toList();
        long sent = all.stream().filter(Job::sent).count();
        return sent == 0 ? "scheduled" : sent == all.size() ? "posted" : "partly posted";
    }

    private static String delivery(List<Job<NoPayload>> jobs, Locale l) {
        if (jobs.isEmpty()) {
            return t(l, "ann.delivery.notQueued");
        }
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (Job<NoPayload> j : jobs) {
            byState.merge(j.state().sql(), 1, Integer::sum);
        }
        String states = byState.size() == 1 && jobs.size() == 1 ? state(jobs.get(0).state().sql(), l)
                : t(l, "ann.delivery.of", byState.entrySet().stream().map(e -> e.getValue() + " " + state(e.getKey(), l))
                .collect(java.util.stream.Collectors.joining(", ")), jobs.size());
        Optional<String> error = jobs.stream().map(Job::lastError).filter(s -> s != null).findFirst();
        boolean open = jobs.stream().anyMatch(j -> !j.sent());
        return states + (open && error.isPresent() ? " — " + error.get() : "");
    }

    // ---- parsing ----

    private Outbox requireReminders(Locale l) throws CommandException {
        Outbox r = reminders;
        if (r == null || !r.running()) {
            throw new CommandException(t(l, "ann.noOutbox"));
        }
        return r;
    }

    private Announcement find(long id, Locale l) throws CommandException {
        return store.find(id).orElseThrow(() -> new CommandException(t(l, "ann.noSuch", "A" + id)));
    }

    private List<TextParts.Part> split(String text, String platform, Optional<String> ping, Outbox service, Locale l)
            throws CommandException {
        Optional<ChatPlatform> o = service.platforms().platform(platform);
        if (o.isEmpty()) {
            throw new CommandException(t(l, "ann.platformDown", platform));
        }
        ChatPlatform p = o.get();
        try {
            return TextParts.split(text, platform, p.maxTextLength(), p.maxBlockLength(),
                    AnnounceInput.mentions(ping, platform).pingsAnyone() ? PING_RESERVE : 0);
        } catch (TextParts.TooLong e) {
            throw new CommandException(t(l, "ann.tooLong", platform, e.getMessage()));
        }
    }

    private static OutgoingMessage message(Announcement a, TextParts.Part part, int n, String platform) {
        List<Block> blocks = part.blocks().stream().<Block>map(Block.Paragraph::new).toList();
        return new OutgoingMessage(part.text(), blocks, n == 1 ? AnnounceInput.mentions(a.ping(), platform) : Mentions.NONE, null);
    }

    static String where(Destination d) {
        return d.describe();
    }

    private static String describe(List<Destination> targets) {
        return String.join(", ", targets.stream().map(AnnounceService::where).toList());
    }

    private static String describePing(Optional<String> ping, Locale l) {
        return ping.map(p -> p.equals("everyone") ? t(l, "ann.ping.everyone") : t(l, "ann.ping.role",
                p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 1))).orElse(t(l, "ann.ping.nobody"));
    }

    /** How the outbox words and judges our jobs: from the stored text at send time, so an edit before posting counts. */
    private final class AnnouncementRows implements JobKind<NoPayload> {
        private final PayloadCodec<NoPayload> codec = PayloadCodec.none();

        @Override
        public String name() {
            return KIND;
        }

        @Override
        public PayloadCodec<NoPayload> payload() {
            return codec;
        }

        @Override
        public void settled(Job<NoPayload> job) {
            if (job.sent()) {
                LOG.info("Announcement {} posted to {} (part {}, as {})", job.subject(), where(job.destination()),
                        job.part(), job.messageRef());
            }
        }

        @Override
        public Rendering render(Job<NoPayload> job, SendContext context) {
            Optional<Announcement> found = store.find(Long.parseLong(job.subject().substring(1)));
            if (found.isEmpty() || found.get().state() != Announcement.State.SCHEDULED) {
                return Rendering.drop("the announcement was " + found.map(x -> x.state().sql()).orElse("removed"));
            }
            Announcement a = found.get();
            int n = Integer.parseInt(job.part());
            String platform = job.destination().platform();
            try {
                List<TextParts.Part> parts = split(a.text(), platform, a.ping(), reminders, Locale.ENGLISH);
                if (n > parts.size()) {
                    throw new IllegalStateException("announcement " + a.subject() + " has no part " + n + " any more");
                }
                return Rendering.send(message(a, parts.get(n - 1), n, platform));
            } catch (CommandException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
