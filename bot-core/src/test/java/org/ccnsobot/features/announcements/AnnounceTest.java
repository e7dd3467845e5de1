package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.testing.RecordingPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Announcements end to end through the recording platforms, on a real SQLite file and a pinned clock. */
class AnnounceTest {
    private static final Destination DISC = new Destination.Channel("disc", "news");
    private static final Destination SLK = new Destination.Channel("slk", "C-NEWS");

    @TempDir
    Path dir;

    @Test
    void previewThenConfirmPostsOnceToEveryAnnouncementChannelPingingNobody() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            String preview = f.say(f.platform("disc"), "staffer", "announce Registration for ICANN80 is open.");
            assertThat(preview).startsWith("Preview of announcement A1 — posts as soon as you confirm, to disc #news,"
                    + " slk #C-NEWS; pings nobody:").contains("Registration for ICANN80 is open.")
                    .contains("announce confirm A1");
            f.fire();
            assertThat(f.platform("disc").delivered()).as("nothing is posted before confirming").isEmpty();

            assertThat(f.say(f.platform("disc"), "staffer", "announce confirm A1")).startsWith("Announcement A1 is being posted now"
                    + " to disc #news, slk #C-NEWS.");
            f.fire();
            f.fire();
            assertThat(f.platform("disc").deliveredTo(DISC)).singleElement().satisfies(a -> {
                assertThat(a.text()).isEqualTo("Registration for ICANN80 is open.");
                assertThat(a.message().mentions()).isEqualTo(Mentions.NONE);
                assertThat(a.key()).isNotBlank();
            });
            assertThat(f.platform("slk").deliveredTo(SLK)).singleElement().extracting(RecordingPlatform.Attempt::text)
                    .isEqualTo("Registration for ICANN80 is open.");
            assertThat(f.say(f.platform("disc"), "staffer", "announce confirm A1")).contains("is not a draft");
            assertThat(f.say(f.platform("disc"), "staffer", "announcements")).contains("A1 · posted")
                    .contains("disc #news: sent").contains("slk #C-NEWS: sent");
        }
    }

    @Test
    void pingEveryoneOrARoleSetsTheMentionsOnlyWhereAsked() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.say(f.platform("disc"), "staffer", "announce Council call in one hour --ping everyone");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            assertThat(f.platform("disc").delivered().get(0).message().mentions().everyone()).isTrue();
            assertThat(f.platform("slk").delivered().get(0).message().mentions().everyone()).isTrue();

            String preview = f.say(f.platform("disc"), "staffer", "announce GRC members: papers are out --ping 998877");
            assertThat(preview).contains("pings disc role/group 998877");
            f.say(f.platform("disc"), "staffer", "announce confirm A2");
            f.fire();
            assertThat(f.platform("disc").delivered().get(1).message().mentions()).isEqualTo(
                    new Mentions(false, java.util.Set.of("998877"), java.util.Set.of()));
            assertThat(f.platform("slk").delivered().get(1).message().mentions()).as("a Discord role means nothing on Slack")
                    .isEqualTo(Mentions.NONE);
        }
    }

    @Test
    void scheduledInANamedZoneSurvivesRestartsBeforeAndAfterItsTimeAndIsPostedExactlyOnce() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            String preview = f.say(f.platform("disc"), "staffer",
                    "announce ICANN79 starts tomorrow --at \"2024-03-04 09:00 America/Puerto_Rico\" --to disc");
            assertThat(preview).contains("posts Mon 4 Mar 2024 13:00 UTC, to disc #news; pings nobody");
            assertThat(f.say(f.platform("disc"), "staffer", "announce confirm " + idIn(preview)))
                    .contains("scheduled for Mon 4 Mar 2024 13:00 UTC");

            f.restart();                                   // before its time
            f.clock().set(Instant.parse("2024-03-04T12:59:00Z"));
            f.fire();
            assertThat(f.platform("disc").delivered()).isEmpty();
            f.restart();
            f.clock().set(Instant.parse("2024-03-04T13:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").texts()).containsExactly("ICANN79 starts tomorrow");
            f.restart();                                   // after its time
            f.clock().advance(Duration.ofHours(2));
            f.fire();
            f.restart();
            f.fire();
            assertThat(f.platform("disc").attempts()).hasSize(1);
            assertThat(f.platform("slk").attempts()).isEmpty();
        }
    }

    @Test
    void aRestartBetweenConfirmAndItsTimeStillPostsItAfterDowntime() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.say(f.platform("disc"), "staffer", "announce Newsletter is out --at 2024-03-02T10:00Z");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.bot().close();
            f.clock().set(Instant.parse("2024-03-02T15:00:00Z"));  // down over its time
            f.restart();
            f.fire();
            assertThat(f.platform("disc").texts()).containsExactly("Newsletter is out");
            assertThat(f.platform("slk").texts()).containsExactly("Newsletter is out");
        }
    }

    @Test
    void editAndDeleteReachEveryPlatformItWasPostedOn() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.say(f.platform("disc"), "staffer", "announce Deadline is Friday");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            String edited = f.say(f.platform("slk"), "staffer", "announce edit A1 Deadline is Monday");
            assertThat(edited).isEqualTo("Announcement A1 edited. disc #news: edited; slk #C-NEWS: edited.");
            assertThat(f.platform("disc").changes()).singleElement().satisfies(c -> {
                assertThat(c.ref().channelId()).isEqualTo("news");
                assertThat(c.ref().messageId()).isEqualTo(f.platform("disc").delivered().get(0).key() == null ? null : "m1");
                assertThat(c.message().fallbackText()).isEqualTo("Deadline is Monday");
            });
            assertThat(f.platform("slk").changes()).singleElement().satisfies(c -> {
                assertThat(c.ref().channelId()).isEqualTo("C-NEWS");
                assertThat(c.message().fallbackText()).isEqualTo("Deadline is Monday");
            });

            assertThat(f.say(f.platform("disc"), "staffer", "announce delete A1"))
                    .isEqualTo("Announcement A1 deleted. disc #news: deleted; slk #C-NEWS: deleted.");
            assertThat(f.platform("disc").changes()).hasSize(2).last().satisfies(c -> assertThat(c.deleted()).isTrue());
            assertThat(f.platform("slk").changes()).hasSize(2).last().satisfies(c -> assertThat(c.deleted()).isTrue());
            assertThat(f.say(f.platform("disc"), "staffer", "announcements")).contains("A1 · deleted");
        }
    }

    @Test
    void aPlatformThatCannotEditIsNamedInTheAnswerAndTheOthersAreStillEdited() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().platform("plain", BotFixture::plainPlatform).open(dir)) {
            f.say(f.platform("disc"), "staffer", "announce Room change");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            assertThat(f.platform("plain").texts()).hasSize(1);
            String answer = f.say(f.platform("disc"), "staffer", "announce edit A1 Room change: now Salon B");
            assertThat(answer).isEqualTo("Announcement A1 edited. disc #news: edited; slk #C-NEWS: edited; plain #town-square:"
                    + " NOT edited (plain: this platform cannot edit messages).");
            assertThat(f.platform("disc").changes()).hasSize(1);
            assertThat(f.platform("slk").changes()).hasSize(1);
        }
    }

    @Test
    void editingAScheduledOneChangesWhatIsPostedAndCancelMeansNeverPosted() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.say(f.platform("disc"), "staffer", "announce Draft text --at 2024-03-02T10:00Z");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            assertThat(f.say(f.platform("disc"), "staffer", "announce edit A1 Final text"))
                    .contains("disc #news: not posted yet, will post the new text");
            f.say(f.platform("disc"), "staffer", "announce Second one --at 2024-03-02T11:00Z");
            f.say(f.platform("disc"), "staffer", "announce confirm A2");
            assertThat(f.say(f.platform("disc"), "staffer", "announce cancel A2")).contains("cancelled before it was posted");
            f.clock().set(Instant.parse("2024-03-02T12:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").texts()).containsExactly("Final text");
            assertThat(f.say(f.platform("disc"), "staffer", "announcements")).contains("A2 · cancelled")
                    .contains("disc #news: dropped — the announcement was cancelled");
        }
    }

    @Test
    void longTextIsSplitAtParagraphBoundariesAndEditReachesEachPart() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.platform("disc").textLimits(60, 60);
            String p1 = "ICANN79 is in San Juan, Puerto Rico, 2 to 7 March.";   // 51
            String p2 = "Tech Day is on Monday 4 March from 09:00 AST.";        // 45
            String p3 = "Members Meeting days are Tuesday and Wednesday.";     // 47
            String preview = f.say(f.platform("disc"), "staffer", "announce " + p1 + "\\n\\n" + p2 + "\\n\\n" + p3);
            assertThat(preview).contains("On disc it is posted as 3 messages (split between paragraphs).")
                    .doesNotContain("On slk");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            assertThat(f.platform("disc").texts()).containsExactly(p1, p2, p3);
            assertThat(f.platform("disc").delivered()).allSatisfy(a -> assertThat(a.text().length()).isLessThanOrEqualTo(60));
            assertThat(f.platform("slk").texts()).containsExactly(p1 + "\n\n" + p2 + "\n\n" + p3);
            assertThat(f.platform("slk").delivered().get(0).message().blocks()).containsExactly(new Block.Paragraph(
                    p1 + "\n\n" + p2 + "\n\n" + p3));

            assertThat(f.say(f.platform("disc"), "staffer", "announce edit A1 One short line"))
                    .contains("needs 1 message(s) on disc where A1 has 3");
            String edited = f.say(f.platform("disc"), "staffer", "announce edit A1 " + p1 + "\\n\\n" + p2 + "\\n\\nMembers Meeting"
                    + " days: Tue and Wed.");
            assertThat(edited).contains("disc #news: edited");
            assertThat(f.platform("disc").changes()).extracting(c -> c.message().fallbackText())
                    .containsExactly(p1, p2, "Members Meeting days: Tue and Wed.");
        }
    }

    @Test
    void aStaffTextOverDiscordsLimitIsSplitForDiscordOnlyAtTheRealLimits() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.platform("disc").textLimits(2000, 2000);           // Discord
            f.platform("slk").textLimits(40_000, 3000);          // Slack
            String p1 = "Council. ".repeat(150).strip();    // 1349 characters
            String p2 = "Members. ".repeat(150).strip();
            String preview = f.say(f.platform("disc"), "staffer", "announce " + p1 + "\\n\\n" + p2);
            assertThat(preview).contains("On disc it is posted as 2 messages").doesNotContain("On slk");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            assertThat(f.platform("disc").texts()).containsExactly(p1, p2);
            assertThat(f.platform("slk").delivered()).singleElement().satisfies(a -> assertThat(a.message().blocks())
                    .containsExactly(new Block.Paragraph(p1 + "\n\n" + p2)));
            assertThat(f.say(f.platform("disc"), "member", "announce " + p1 + "\\n\\n" + p2))
                    .as("members are held to 2000 characters before anything else").startsWith("That is too long");
        }
    }

    @Test
    void aParagraphTooLongForAPlatformIsRefusedWithTheLimitNamedNeverCut() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.platform("disc").textLimits(60, 60);
            String answer = f.say(f.platform("disc"), "staffer", "announce This one paragraph is much longer than sixty characters"
                    + " and has no break in it at all");
            assertThat(answer).isEqualTo("Too long for disc: a paragraph of 85 characters is over disc's limit of 60"
                    + " characters per message; shorten it or break it into paragraphs (a blank line, or \\n\\n,"
                    + " between them).");
            f.fire();
            assertThat(f.platform("disc").attempts()).isEmpty();
            assertThat(f.say(f.platform("disc"), "staffer", "announcements")).startsWith("No announcements yet");
        }
    }

    @Test
    void membersAreRefusedAndTheRefusalIsAudited() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            assertThat(f.say(f.platform("disc"), "member", "announce Free pizza --ping everyone"))
                    .isEqualTo("'announce' is for ccNSO staff only.");
            assertThat(f.say(f.platform("disc"), "member", "announcements")).isEqualTo("'announcements' is for ccNSO staff only.");
            f.say(f.platform("disc"), "staffer", "announce Real news");
            assertThat(f.say(f.platform("disc"), "member", "announce confirm A1")).isEqualTo("'announce' is for ccNSO staff only.");
            assertThat(f.say(f.platform("slk"), "staffer", "announce confirm A1")).contains("another staff member's draft");
            f.fire();
            assertThat(f.platform("disc").attempts()).isEmpty();
        }
    }

    @Test
    void badTimesAndPlacesAreRefusedInOneLine() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            assertThat(f.say(f.platform("disc"), "staffer", "announce x --at 2024-02-01T10:00Z")).contains("has passed");
            assertThat(f.say(f.platform("disc"), "staffer", "announce x --at \"2024-03-04 09:00 Mars/Olympus\""))
                    .contains("'Mars/Olympus' is not a time zone");
            assertThat(f.say(f.platform("disc"), "staffer", "announce x --at tomorrow")).contains("is not a time like");
            assertThat(f.say(f.platform("disc"), "staffer", "announce x --to \"disc:no/such\"")).contains("'no/such' is not a channel id");
            assertThat(f.say(f.platform("disc"), "staffer", "announce x --to teams:general")).contains("teams is not running here");
            assertThat(f.say(f.platform("disc"), "staffer", "announce x --to slk --ping 123")).contains("does not go to disc");
            assertThat(f.say(f.platform("disc"), "staffer", "announce edit A9 y")).contains("There is no announcement A9");
        }
    }

    @Test
    void toNamedChannelsPostsOnlyThere() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.say(f.platform("disc"), "staffer", "announce Only here --to \"disc:council-room, slk\"");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            assertThat(f.platform("disc").delivered()).extracting(RecordingPlatform.Attempt::destination)
                    .containsExactly(new Destination.Channel("disc", "council-room"));
            assertThat(f.platform("slk").delivered()).extracting(RecordingPlatform.Attempt::destination).containsExactly(SLK);
            assertThat(List.of(f.say(f.platform("disc"), "staffer", "announcements"))).anyMatch(s -> s.contains("disc #council-room: sent"));
        }
    }

    @Test
    void aPostThatKeepsFailingIsRetriedThenShownFailedAndTheOthersStillLand() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.platform("slk").behaviour((a, d) -> RecordingPlatform.failure("channel_not_found", false));
            f.say(f.platform("disc"), "staffer", "announce Agenda is out");
            f.say(f.platform("disc"), "staffer", "announce confirm A1");
            f.fire();
            assertThat(f.platform("disc").texts()).containsExactly("Agenda is out");
            assertThat(f.say(f.platform("disc"), "staffer", "announcements")).contains("A1 · partly posted")
                    .contains("slk #C-NEWS: failed — PlatformException: channel_not_found");
            assertThat(f.say(f.platform("disc"), "staffer", "announce edit A1 Agenda v2 is out")).isEqualTo("Announcement A1 edited."
                    + " disc #news: edited; slk #C-NEWS: never posted (failed — PlatformException: channel_not_found),"
                    + " nothing to edit.");
            // like a reminder, a post that fails for good is reported to its platform's staff channel
            assertThat(f.platform("slk").attempts()).filteredOn(a -> a.destination().equals(new Destination.Channel("slk", "C-STAFF")))
                    .first().satisfies(a -> assertThat(a.text()).contains("The announcement (part 1) [A1] to channel"
                            + " C-NEWS on slk could not be delivered after 1 attempt(s)"));
        }
    }

    /** The announcement id a preview names ("Preview of announcement A3 — ..."). */
    private static String idIn(String preview) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("announcement (A\\d+)").matcher(preview);
        if (!m.find()) {
            throw new AssertionError("no announcement id in: " + preview);
        }
        return m.group(1);
    }
}
