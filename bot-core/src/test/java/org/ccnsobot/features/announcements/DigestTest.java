package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.features.digest.Digest;
/** The weekly digest (Mondays 09:00 UTC) through the recording platforms, on a real SQLite file and a pinned clock. */
class DigestTest {
    @TempDir
    Path dir;

    @Test
    void postedOnceAtItsTimeWithTheWeeksEventsAndTheUpdatesSinceTheLastOneNotAgainAfterRestarts() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().digest(BotFixture.mondays()).open(dir)) {
            f.bot().calendar().addUpdate(new CommitteeUpdate(0, "GRC", Instant.parse("2024-03-01T15:00:00Z"), "staff",
                    "The GRC adopted its review of the ccNSO guidelines."));
            f.clock().set(Instant.parse("2024-03-04T08:59:00Z"));
            f.fire();
            assertThat(f.platform("disc").delivered()).isEmpty();

            f.clock().set(Instant.parse("2024-03-04T09:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").deliveredTo(new Destination.Channel("disc", "news"))).singleElement().satisfies(a -> {
                assertThat(a.text()).startsWith("ccNSO weekly digest — week of 4 March 2024\nThis week:")
                        .contains("ccNSO Council meeting 300 [council-300]").contains("GRC webinar [grc-webinar]")
                        .doesNotContain("Session two weeks on")
                        .contains("Committee updates since 26 February 2024:\n• GRC (1 March 2024): The GRC adopted its"
                                + " review of the ccNSO guidelines.");
                assertThat(a.message().blocks()).hasAtLeastOneElementOfType(Block.EventCard.class);
            });
            assertThat(f.platform("slk").delivered()).hasSize(1);

            f.restart();
            f.fire();
            f.clock().set(Instant.parse("2024-03-04T18:00:00Z"));
            f.restart();
            f.fire();
            assertThat(f.platform("disc").attempts()).as("once per week, whatever the restarts").hasSize(1);

            // next week: only the updates since this digest
            f.bot().calendar().addUpdate(new CommitteeUpdate(0, "Council", Instant.parse("2024-03-07T10:00:00Z"), "staff",
                    "The Council approved the budget."));
            f.clock().set(Instant.parse("2024-03-11T09:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(2);
            assertThat(f.platform("disc").delivered().get(1).text()).contains("week of 11 March 2024")
                    .contains("Committee updates since 4 March 2024:\n• Council (7 March 2024): The Council approved"
                            + " the budget.").doesNotContain("GRC adopted").contains("• nothing in the calendar");
        }
    }

    @Test
    void inTheConfigsLanguageWithThatLanguagesDates() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().digest(BotFixture.mondays())
                .config(c -> c.withLanguage(org.ccnsobot.i18n.Language.FR)).open(dir)) {
            f.bot().calendar().addUpdate(new CommitteeUpdate(0, "GRC", Instant.parse("2024-03-01T15:00:00Z"), "staff",
                    "The GRC adopted its review of the ccNSO guidelines."));
            f.clock().set(Instant.parse("2024-03-04T09:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").deliveredTo(new Destination.Channel("disc", "news"))).singleElement().satisfies(a ->
                    assertThat(a.text()).startsWith("Résumé hebdomadaire de la ccNSO — semaine du 4 mars 2024\nCette semaine :")
                            .contains("ccNSO Council meeting 300 [council-300]").contains("• mer. 6 mars 2024 18:00 UTC — ccNSO Council meeting 300 [council-300]")
                            .contains("Nouvelles des comités depuis le 26 février 2024 :\n• GRC (1 mars 2024): The GRC"));
        }
    }

    @Test
    void afterDowntimeItIsPostedLateOnItsOwnDayOnly() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().digest(BotFixture.mondays()).open(dir)) {
            f.bot().close();                                            // down over Monday 09:00 ...
            f.clock().set(Instant.parse("2024-03-04T22:30:00Z"));       // ... back the same evening: posted late
            f.restart();
            f.fire();
            assertThat(f.platform("disc").texts()).singleElement().asString().startsWith("ccNSO weekly digest — week of 4 March 2024");

            f.bot().close();                                            // down over the next Monday ...
            f.clock().set(Instant.parse("2024-03-12T08:00:00Z"));       // ... back on Tuesday: skipped, logged
            f.restart();
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(1);
            assertThat(f.outbox().jobs(Digest.KIND, "2024-W11")).allSatisfy(j -> {
                assertThat(j.state()).isEqualTo(org.ccnsobot.outbox.JobState.DROPPED);
                assertThat(j.lastError()).contains("its day was over");
            });

            f.clock().set(Instant.parse("2024-03-18T09:00:00Z"));       // and the week after is posted as usual
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(2);
            assertThat(f.platform("disc").delivered().get(1).text()).contains("week of 18 March 2024")
                    .contains("Session two weeks on").contains("Committee updates since 4 March 2024");
        }
    }

    @Test
    void aChangedScheduleMovesTheQueuedDigestAndAWeekStillGetsOnlyOne() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().digest(BotFixture.mondays()).open(dir)) {
            f.clock().set(Instant.parse("2024-03-04T09:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(1);                // Monday 4 March, week 10
            f.bot().close();
            // the operator moves the digest to Fridays 16:00 UTC and restarts on Tuesday 5 March
            f.clock().set(Instant.parse("2024-03-05T10:00:00Z"));
            f.reopen(cfg -> cfg.withDigest(new org.ccnsobot.config.DigestConfig(java.time.DayOfWeek.FRIDAY,
                    java.time.LocalTime.of(16, 0), java.time.ZoneId.of("UTC"))));
            f.clock().set(Instant.parse("2024-03-08T16:00:00Z"));      // Friday of week 10: already had its digest
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(1);
            f.clock().set(Instant.parse("2024-03-11T09:00:00Z"));      // the old Monday slot of week 11: moved away
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(1);
            f.clock().set(Instant.parse("2024-03-15T16:00:00Z"));      // Friday of week 11
            f.fire();
            assertThat(f.platform("disc").delivered()).hasSize(2);
            assertThat(f.platform("disc").delivered().get(1).text()).contains("week of 15 March 2024");
        }
    }

    @Test
    void noDigestWithoutItsConfig() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.clock().set(Instant.parse("2024-03-04T09:00:00Z"));
            f.fire();
            f.clock().set(Instant.parse("2024-03-11T09:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").attempts()).isEmpty();
        }
    }
}
