package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, point 13: reminder wording exact at the moment of sending, and no two reminders within minutes. */
class ReminderWordingTest {
    static final Instant START = Instant.parse("2024-03-10T18:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theWordingIsRoundedToTheNearestMinuteAtTheMomentOfSending() {
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(5 * 60 - 3))).as("5-minute reminder, 3 s late")
                .isEqualTo("starts in 5 minutes");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(60 * 60 - 2))).as("1 h reminder, 2 s late")
                .isEqualTo("starts in 60 minutes");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(60))).isEqualTo("starts in 1 minute");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(58))).as("1-minute reminder, 2 s late")
                .isEqualTo("starts in 1 minute");
        assertThat(ReminderTexts.startsIn(START, START)).isEqualTo("is starting now");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(20))).isEqualTo("is starting now");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(24 * 3600 - 4))).isEqualTo("starts in 24 hours");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(48 * 3600))).isEqualTo("starts in 2 days");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(89 * 60))).isEqualTo("starts in 89 minutes");
        assertThat(ReminderTexts.startsIn(START, START.minusSeconds(90 * 60))).isEqualTo("starts in 2 hours");
    }

    @Test
    void anOverdue24HourReminderDueUnderAQuarterOfItsOffsetBeforeThe1HourOneIsDroppedAndCounted() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(false);
            // everything due before the council's 24 h reminder goes out first, so what follows is about council-300
            f.clock().set(ReminderServiceTest.COUNCIL_24H.minusSeconds(3600));
            f.outbox().fireDue();
            int before = council(f).size();
            long droppedBefore = f.outbox().stats().droppedLate();

            // the bot was down when the 24 h reminder fell due; it is back 1 h 0 min 43 s before the start
            f.clock().set(ReminderServiceTest.COUNCIL_1H.minusSeconds(43));
            f.outbox().fireDue();
            assertThat(council(f)).as("no 24 h reminder 43 s before the 1 h one").hasSize(before);
            assertThat(f.outbox().stats().droppedLate()).as("dropped, and counted").isGreaterThan(droppedBefore);

            f.clock().set(ReminderServiceTest.COUNCIL_1H.plusSeconds(2));
            f.outbox().fireDue();
            assertThat(council(f).subList(before, council(f).size())).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).startsWith("Reminder: ccNSO Council meeting 300 starts in 60 minutes"));
        }
    }

    @Test
    void remindersFarEnoughApartAreBothSent() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(false);
            f.clock().set(ReminderServiceTest.COUNCIL_24H.minusSeconds(3600));
            f.outbox().fireDue();
            int before = council(f).size();
            f.clock().set(ReminderServiceTest.COUNCIL_24H);
            f.outbox().fireDue();
            f.clock().set(ReminderServiceTest.COUNCIL_1H);
            f.outbox().fireDue();
            List<String> sent = council(f).subList(before, council(f).size());
            assertThat(sent).anySatisfy(t -> assertThat(t).contains("starts in 24 hours"))
                    .anySatisfy(t -> assertThat(t).contains("starts in 60 minutes"));
        }
    }

    private static List<String> council(BotFixture f) {
        return f.platform().delivered().stream().map(Attempt::text).filter(t -> t.contains("[council-300]")).toList();
    }
}
