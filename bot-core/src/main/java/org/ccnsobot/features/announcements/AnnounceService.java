package org.ccnsobot.features.announcements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    // ---- the form ----

    /** The context a form's Edit button carries: the draft to write again. */
    static final String DRAFT = "draft";

    /**
     * The announcement form: the text, when, where and whom to ping, as {@code announce}'s options. With
     * {@code draft} (the preview's Edit button) it is pre-filled from the asker's own draft; its submission is a new
     * {@code announce}, which replaces that draft with a new preview.
     */
    public List<org.ccnsobot.kernel.FormSpec> forms() {
        return List.of(new org.ccnsobot.kernel.FormSpec("announce", "announce", this::form));
    }

    private org.ccnsobot.port.Form form(CommandContext c, Map<String, String> values) throws CommandException {
        String text = null;
        String at = null;
        String to = null;
        String ping = null;
        String draft = values.get(DRAFT);
        if (draft != null && !draft.isBlank()) {
            long id = AnnounceInput.id(draft);
            Announcement a = store.find(id).filter(x -> x.state() == Announcement.State.DRAFT
                    && x.platform().equals(c.platform()) && x.author().equals(c.userId()))
                    .orElseThrow(() -> new CommandException(c.text("form.announce.noDraft", "A" + id)));
            text = a.text();
            Instant now = clock.instant();
            at = a.publishAt().isAfter(now.plusSeconds(60))
                    ? java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
                    .format(a.publishAt().atZone(java.time.ZoneOffset.UTC)) : null;
            Outbox service = reminders;
            boolean everywhere = service != null && new java.util.HashSet<>(a.targets()).equals(new java.util.HashSet<>(
                    service.platforms().channels(org.ccnsobot.port.ChannelRole.ANNOUNCEMENTS)));
            to = everywhere ? null : String.join(",", a.targets().stream().map(d -> d instanceof Destination.Channel ch
                    ? ch.platform() + ":" + ch.channelId() : d.platform()).toList());
            ping = a.ping().orElse(null);
        }
        String cmd = "announce";
        List<org.ccnsobot.port.Form.Field> fields = List.of(
                field(c, "text", org.ccnsobot.port.Form.Kind.PARAGRAPH, true, text,
                        c.text("form.announce.textHint"), org.ccnsobot.kernel.InputGuard.STAFF_MAX_INPUT),
                field(c, "at", org.ccnsobot.port.Form.Kind.LINE, false, at, hint(c, cmd, "at"), 100),
                field(c, "to", org.ccnsobot.port.Form.Kind.LINE, false, to, hint(c, cmd, "to"), 500),
                field(c, "ping", org.ccnsobot.port.Form.Kind.LINE, false, ping, hint(c, cmd, "ping"), 100));
        return new org.ccnsobot.port.Form(cmd, cmd, c.text("form.announce.title"), null,
                c.text("form.submit.preview"), fields, Map.of());
    }

    private static org.ccnsobot.port.Form.Field field(CommandContext c, String option, org.ccnsobot.port.Form.Kind kind,
                                                      boolean required, String value, String hint, int max) {
        return new org.ccnsobot.port.Form.Field(option, c.text("form.field." + option), kind, required, value, hint,
                max, List.of(), null);
    }

    private static String hint(CommandContext c, String cmd, String option) {
        String key = "cmd." + cmd + "." + option;
        return org.ccnsobot.i18n.Messages.get().has(key) ? c.text(key) : null;
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
                        List.of(), List.of("announcements"), true, true, (c, a) -> Result.text(list(c.zone()))));
    }

    private Result announce(CommandContext ctx, Args args) throws CommandException {
        Outbox service = requireReminders();
        String text = args.requireText("text").strip();
        Matcher sub = SUB.matcher(text);
        AnnounceInput.refuseSlip(text, sub.matches() ? sub : null, () -> drafts(ctx));
        String verb = sub.matches() ? sub.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        if (sub.matches() && (verb.equals("edit") || sub.group(3) == null)) {
            long id = AnnounceInput.id(sub.group(2));
            if (args.has("at") || args.has("to") || args.has("ping")) {
                throw new CommandException("--at, --to and --ping go with a new announcement, not with " + verb);
            }
            return switch (verb) {
                case "confirm" -> confirm(ctx, id, service);
                case "cancel" -> cancel(id, service);
                case "delete" -> delete(id, service);
                default -> edit(id, sub.group(3) == null ? "" : sub.group(3), service);
            };
        }
        text = AnnounceInput.unescape(text);
        if (text.isBlank()) {
            throw new CommandException("An announcement needs some text.", "text");
        }
        Instant now = clock.instant();
        Instant at;
        List<Destination> targets;
        Optional<String> ping;
        Map<String, Integer> partsByPlatform = new LinkedHashMap<>();
        // each check names its option, so a form shows the reason beside the field to fix
        try {
            at = args.text("at").isPresent() ? AnnounceInput.parseAt(args.text("at").get(), ctx.zone(), now) : now;
        } catch (CommandException e) {
            throw e.about("at");
        }
        try {
            targets = AnnounceInput.targets(args.text("to"), ctx.platform(), service.platforms());
        } catch (CommandException e) {
            throw e.about("to");
        }
        try {
            ping = AnnounceInput.ping(args.text("ping"), ctx.platform(), targets);
        } catch (CommandException e) {
            throw e.about("ping");
        }
        try {
            for (Destination d : targets) {
                partsByPlatform.put(d.platform(), split(text, d.platform(), ping, service).size());
            }
        } catch (CommandException e) {
            throw e.about("text");
        }
        Announcement a = store.saveDraft(ctx.platform(), ctx.userId(), text, at, targets, ping, now);
        StringBuilder sb = new StringBuilder("Preview of announcement ").append(a.subject()).append(" — ")
                .append(at.equals(now) ? "posts as soon as you confirm" : "posts " + TimeFormat.instant(at, ctx.zone()))
                .append(", to ").append(describe(targets)).append("; ").append(describePing(ping)).append(":\n---\n")
                .append(text).append("\n---");
        partsByPlatform.forEach((p, n) -> {
            if (n > 1) {
                sb.append("\nOn ").append(p).append(" it is posted as ").append(n)
                        .append(" messages (split between paragraphs).");
            }
        });
        sb.append("\nPost it: announce confirm ").append(a.subject()).append(" · drop it: announce cancel ")
                .append(a.subject());
        String preview = sb.toString();
        // the same as buttons where the platform has them
        return new Result(org.ccnsobot.port.OutgoingMessage.of(preview, List.of(new Block.Paragraph(preview),
                new Block.Actions(List.of(
                        new Block.Action("Confirm", "announce", Map.of("text", "confirm " + a.subject()), true),
                        Block.Action.form("Edit", "announce", Map.of(DRAFT, a.subject())),
                        new Block.Action("Cancel", "announce", Map.of("text", "cancel " + a.subject()), false))))),
                true);
    }

    /** The asker's drafts, for a refusal: which ids {@code announce confirm} takes. */
    private String drafts(CommandContext ctx) {
        List<String> ids = store.drafts(ctx.platform(), ctx.userId()).stream().map(Announcement::subject).toList();
        return ids.isEmpty() ? "You have no draft; write one with announce <text>."
                : "Your draft: " + String.join(", ", ids) + " (announce confirm " + ids.get(ids.size() - 1) + ").";
    }

    private Result confirm(CommandContext ctx, long id, Outbox service) throws CommandException {
        Optional<Announcement> found = store.find(id);
        if (found.isEmpty()) {
            throw new CommandException("There is no announcement A" + id + "; nothing was changed. " + drafts(ctx));
        }
        Announcement a = found.get();
        if (a.state() != Announcement.State.DRAFT) {
            throw new CommandException("Announcement " + a.subject() + " is not a draft (it is " + a.state().sql()
                    + "); see announcements.");
        }
        if (!a.platform().equals(ctx.platform()) || !a.author().equals(ctx.userId())) {
            throw new CommandException("Announcement " + a.subject() + " is another staff member's draft; only its"
                    + " author confirms it.");
        }
        Instant now = clock.instant();
        Instant due = a.publishAt().isBefore(now) ? now : a.publishAt();
        List<NewJob<NoPayload>> jobs = new ArrayList<>();
        for (Destination d : a.targets()) {
            int n = split(a.text(), d.platform(), a.ping(), service).size();
            for (int part = 1; part <= n; part++) {
                jobs.add(new NewJob<>(a.subject(), Integer.toString(part), d, due, NoPayload.INSTANCE));
            }
        }
        // the state moves first: a row fired at once must find the announcement scheduled, not a draft
        if (!store.transition(id, Announcement.State.DRAFT, Announcement.State.SCHEDULED, due, now)) {
            throw new CommandException("Announcement " + a.subject() + " changed meanwhile; see announcements.");
        }
        service.enqueue(kind, jobs);
        LOG.info("Announcement {} by {}:{} scheduled for {} to {}", a.subject(), a.platform(), a.author(), due,
                a.targets());
        return Result.personalText("Announcement " + a.subject() + (due.equals(now) ? " is being posted now" : " is"
                + " scheduled for " + TimeFormat.instant(due, ctx.zone())) + " to " + describe(a.targets())
                + ". announcements shows where it landed; announce edit " + a.subject() + " <text> or announce delete "
                + a.subject() + " change it everywhere.");
    }

    private Result cancel(long id, Outbox service) throws CommandException {
        Announcement a = find(id);
        Instant now = clock.instant();
        if (a.state() == Announcement.State.DRAFT
                && store.transition(id, Announcement.State.DRAFT, Announcement.State.CANCELLED, a.publishAt(), now)) {
            return Result.personalText("Draft " + a.subject() + " dropped; nothing was posted.");
        }
        if (a.state() != Announcement.State.SCHEDULED) {
            throw new CommandException("Announcement " + a.subject() + " is " + a.state().sql() + " already.");
        }
        long posted = service.jobs(kind, a.subject()).stream().filter(j -> j.sent() || j.state() == JobState.SENDING).count();
        if (posted > 0) {
            throw new CommandException("Announcement " + a.subject() + " is already posted (" + posted
                    + " message(s)); to take it down: announce delete " + a.subject());
        }
        store.transition(id, Announcement.State.SCHEDULED, Announcement.State.CANCELLED, a.publishAt(), now);
        int dropped = service.dropPending(kind, a.subject(), "the announcement was cancelled");
        return Result.personalText("Announcement " + a.subject() + " cancelled before it was posted (" + dropped
                + " delivery(ies) dropped).");
    }

    private Result edit(long id, String newText, Outbox service) throws CommandException {
        Announcement a = find(id);
        String text = AnnounceInput.unescape(newText.strip());
        if (text.isBlank()) {
            throw new CommandException("Usage: announce edit " + a.subject() + " <new text>");
        }
        if (a.state() == Announcement.State.CANCELLED || a.state() == Announcement.State.DELETED) {
            throw new CommandException("Announcement " + a.subject() + " is " + a.state().sql() + "; nothing to edit.");
        }
        Map<Destination, List<Job<NoPayload>>> rows = rowsByDestination(a, service);
        // the new text must keep the number of messages on every platform: a posted message can change, not multiply
        for (Destination d : a.targets()) {
            int now = split(text, d.platform(), a.ping(), service).size();
            int before = a.state() == Announcement.State.DRAFT ? now : rows.getOrDefault(d, List.of()).size();
            if (now != before) {
                throw new CommandException("The new text needs " + now + " message(s) on " + d.platform() + " where "
                        + a.subject() + " has " + before + "; keep it to the same length, or delete it and announce"
                        + " again.");
            }
        }
        if (rows.values().stream().flatMap(List::stream).anyMatch(j -> j.state() == JobState.SENDING)) {
            throw new CommandException("Announcement " + a.subject() + " is being posted right now; try again in a moment.");
        }
        store.setText(id, text, clock.instant());
        if (a.state() == Announcement.State.DRAFT) {
            return Result.personalText("Draft " + a.subject() + " now reads:\n---\n" + text + "\n---\nPost it: announce"
                    + " confirm " + a.subject());
        }
        Announcement edited = a.withText(text);
        List<String> outcome = new ArrayList<>();
        for (Map.Entry<Destination, List<Job<NoPayload>>> e : rows.entrySet()) {
            List<Job<NoPayload>> sent = e.getValue().stream().filter(Job::sent).toList();
            if (sent.isEmpty()) {
                boolean waiting = e.getValue().stream().anyMatch(j -> j.state() == JobState.PENDING);
                outcome.add(where(e.getKey()) + (waiting ? ": not posted yet, will post the new text"
                        : ": never posted (" + delivery(e.getValue()) + "), nothing to edit"));
                continue;
            }
            List<TextParts.Part> parts = split(text, e.getKey().platform(), a.ping(), service);
            String failure = null;
            for (Job<NoPayload> j : sent) {
                int n = Integer.parseInt(j.part());
                OutgoingMessage m = message(edited, parts.get(n - 1), n, e.getKey().platform());
                failure = failure != null ? failure : call(service, e.getKey(), p -> p.edit(ref(j), m));
            }
            outcome.add(where(e.getKey()) + (failure == null ? ": edited" : ": NOT edited (" + failure + ")"));
        }
        return Result.personalText("Announcement " + a.subject() + " edited. " + String.join("; ", outcome) + ".");
    }

    private Result delete(long id, Outbox service) throws CommandException {
        Announcement a = find(id);
        if (a.state() == Announcement.State.DRAFT) {
            return cancel(id, service);
        }
        if (a.state() == Announcement.State.DELETED) {
            throw new CommandException("Announcement " + a.subject() + " is deleted already.");
        }
        if (service.jobs(kind, a.subject()).stream().anyMatch(j -> j.state() == JobState.SENDING)) {
            throw new CommandException("Announcement " + a.subject() + " is being posted right now; try again in a moment.");
        }
        Instant now = clock.instant();
        store.transition(id, a.state(), Announcement.State.DELETED, a.publishAt(), now);
        service.dropPending(kind, a.subject(), "the announcement was deleted");
        List<String> outcome = new ArrayList<>();
        for (Map.Entry<Destination, List<Job<NoPayload>>> e : rowsByDestination(a, service).entrySet()) {
            List<Job<NoPayload>> sent = e.getValue().stream().filter(Job::sent).toList();
            if (sent.isEmpty()) {
                outcome.add(where(e.getKey()) + ": never posted");
                continue;
            }
            String failure = null;
            for (Job<NoPayload> j : sent) {
                String f = call(service, e.getKey(), p -> p.delete(ref(j)));
                failure = failure != null ? failure : f;
            }
            outcome.add(where(e.getKey()) + (failure == null ? ": deleted" : ": NOT deleted (" + failure + ")"));
        }
        return Result.personalText("Announcement " + a.subject() + " deleted. " + String.join("; ", outcome) + ".");
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
        Outbox service = reminders;
        List<Announcement> all = store.recent(15);
        if (all.isEmpty()) {
            return "No announcements yet. Write one with: announce <text>";
        }
        StringBuilder sb = new StringBuilder("Announcements (newest first):");
        for (Announcement a : all) {
            Map<Destination, List<Job<NoPayload>>> rows = service == null ? Map.of() : rowsByDestination(a, service);
            sb.append("\n").append(a.subject()).append(" · ").append(label(a, rows)).append(" · ")
                    .append(TimeFormat.instant(a.publishAt(), zone)).append(" · by ").append(a.author()).append(" · \"")
                    .append(org.ccnsobot.kernel.Text.shorten(a.text().replace('\n', ' '), 60)).append('"');
            for (Map.Entry<Destination, List<Job<NoPayload>>> e : rows.entrySet()) {
                sb.append("\n    ").append(where(e.getKey())).append(": ").append(delivery(e.getValue()));
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

    private static String delivery(List<Job<NoPayload>> jobs) {
        if (jobs.isEmpty()) {
            return "not queued";
        }
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (Job<NoPayload> j : jobs) {
            byState.merge(j.state().sql(), 1, Integer::sum);
        }
        String states = byState.size() == 1 && jobs.size() == 1 ? jobs.get(0).state().sql()
                : byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", ")) + " (of " + jobs.size() + " messages)";
        Optional<String> error = jobs.stream().map(Job::lastError).filter(s -> s != null).findFirst();
        boolean open = jobs.stream().anyMatch(j -> !j.sent());
        return states + (open && error.isPresent() ? " — " + error.get() : "");
    }

    // ---- parsing ----

    private Outbox requireReminders() throws CommandException {
        Outbox r = reminders;
        if (r == null || !r.running()) {
            throw new CommandException("Announcements need the reminders running in this process (they deliver them);"
                    + " another process may hold the ledger.");
        }
        return r;
    }

    private Announcement find(long id) throws CommandException {
        return store.find(id).orElseThrow(() -> new CommandException("There is no announcement A" + id
                + "; see announcements."));
    }

    private List<TextParts.Part> split(String text, String platform, Optional<String> ping, Outbox service)
            throws CommandException {
        Optional<ChatPlatform> o = service.platforms().platform(platform);
        if (o.isEmpty()) {
            throw new CommandException(platform + " is not running in this process");
        }
        ChatPlatform p = o.get();
        try {
            return TextParts.split(text, platform, p.maxTextLength(), p.maxBlockLength(),
                    AnnounceInput.mentions(ping, platform).pingsAnyone() ? PING_RESERVE : 0);
        } catch (TextParts.TooLong e) {
            throw new CommandException("Too long for " + platform + ": " + e.getMessage() + ".");
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

    private static String describePing(Optional<String> ping) {
        return ping.map(p -> p.equals("everyone") ? "pings everyone" : "pings " + p.replace(":", " role/group "))
                .orElse("pings nobody");
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
                List<TextParts.Part> parts = split(a.text(), platform, a.ping(), reminders);
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
