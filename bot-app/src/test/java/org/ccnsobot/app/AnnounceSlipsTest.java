package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff slips with announcements, through the console on a real database: a confirm without a usable id keeps the
 * draft, --to names of platforms that do not run here are refused, and the listing is newest first as it says.
 */
class AnnounceSlipsTest {
    /** A database migrated and seeded once; each test starts from its own copy (a first start costs seconds). */
    @TempDir
    static Path shared;
    private static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void seedOnce() {
        template = shared.resolve("template.db");
        assertThat(Consoles.console(Consoles.seed(), "2024-02-10T12:00:00Z", template, "").exit()).isZero();
    }

    @BeforeEach
    void ownCopy() throws Exception {
        Files.copy(template, dir.resolve("slips.db"));
    }

    private List<String> run(String script) {
        Consoles.Run r = Consoles.console(Consoles.seed(), "2024-02-10T12:00:00Z", dir.resolve("slips.db"), script);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.lines();
    }

    @Test
    void aConfirmWithoutAUsableIdChangesNothingAndNamesTheDraft() {
        List<String> lines = run("""
                announce Registration is open
                announce confirm
                announce confirm A9
                announce Confirm A1 now
                announce cancel
                announce confirm soon
                announcements
                announce confirm A1
                """);
        assertThat(lines).contains(
                "announce confirm needs the announcement's id, like announce confirm A3; nothing was changed. Your"
                        + " draft: A1 (announce confirm A1).",
                "There is no announcement A9; nothing was changed. Your draft: A1 (announce confirm A1).",
                "announce confirm takes only the announcement's id, like announce confirm A3; nothing was changed."
                        + " Your draft: A1 (announce confirm A1).",
                "announce cancel needs the announcement's id, like announce cancel A3; nothing was changed. Your"
                        + " draft: A1 (announce confirm A1).",
                "'soon' is not an announcement id, like announce confirm A3; nothing was changed. Your draft: A1"
                        + " (announce confirm A1).",
                "No announcements yet. Write one with: announce <text>",
                "[to #announcements] Registration is open");
        // no slip became a second draft: the one draft was posted, and nothing else was written
        assertThat(lines).noneMatch(l -> l.startsWith("Preview of announcement A2"));
        assertThat(run("announcements\nannounce confirm\n")).contains(
                "A1 · posted · Sat 10 Feb 2024 12:00 UTC · by console · \"Registration is open\"",
                "announce confirm needs the announcement's id, like announce confirm A3; nothing was changed. You have"
                        + " no draft; write one with announce <text>.");
    }

    @Test
    void platformNamesInToAreThoseAnnouncementChannelsOrRefusedWhereTheyDoNotRun() {
        List<String> lines = run("""
                announce Council agenda --to discord,slack
                announce Council agenda --to console
                announce confirm A1
                announce Staff note --to staff
                """);
        // the refusal took no id: the next announcement is A1
        assertThat(lines).contains(
                "--to discord: discord is not running here (running: console); nothing was changed",
                "[to #announcements] Council agenda");
        assertThat(lines).anyMatch(l -> l.startsWith("Preview of announcement A2 — posts as soon as you confirm, to"
                + " console #staff;"));
        assertThat(lines).noneMatch(l -> l.contains("#discord") || l.contains("#slack"));
    }

    @Test
    void announcementsNewestFirstMeansTheOneWrittenLastFirst() {
        List<String> lines = run("""
                announce ICANN80 is in June --at 2024-06-01T10:00Z
                announce confirm A1
                announce Agenda tomorrow --at 2024-02-11T10:00Z
                announce confirm A2
                announce Registration is open
                announce confirm A3
                announcements
                """);
        List<String> listed = lines.subList(lines.indexOf("Announcements (newest first):") + 1, lines.size()).stream()
                .filter(l -> l.startsWith("A")).map(l -> l.substring(0, 2)).toList();
        // by posting time it would read A1 (June), A2 (tomorrow), A3 (now)
        assertThat(listed).containsExactly("A3", "A2", "A1");
    }
}
