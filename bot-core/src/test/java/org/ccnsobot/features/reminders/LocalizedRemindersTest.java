package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.reminders.ReminderServiceTest.CHANNEL;
import static org.ccnsobot.features.reminders.ReminderServiceTest.COUNCIL_24H;
import static org.ccnsobot.features.reminders.ReminderServiceTest.dm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reminders and change notices: a DM in its member's language, a channel in the config's. */
class LocalizedRemindersTest {
    @TempDir
    Path dir;

    private static Map<Destination, String> byDestination(BotFixture f) {
        return f.platform().delivered().stream().collect(Collectors.toMap(Attempt::destination, Attempt::text));
    }

    @Test
    void eachDmIsInItsMembersLanguageAndTheChannelInTheConfigs() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "language fr");
            f.say("alice", "subscribe council");
            f.say("bob", "language es");
            f.say("bob", "subscribe council");
            f.say("carol", "subscribe council");
            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            Map<Destination, String> sent = byDestination(f);
            assertThat(sent.get(dm("alice"))).isEqualTo(
                    "Rappel : ccNSO Council meeting 300 commence dans 24 heures — dim. 10 mars 2024 18:00 UTC [council-300]");
            assertThat(sent.get(dm("bob"))).isEqualTo(
                    "Recordatorio: ccNSO Council meeting 300 empieza en 24 horas — dom 10 mar 2024 18:00 UTC [council-300]");
            assertThat(sent.get(dm("carol"))).isEqualTo(
                    "Reminder: ccNSO Council meeting 300 starts in 24 hours — Sun 10 Mar 2024 18:00 UTC [council-300]");
            assertThat(sent.get(CHANNEL)).isEqualTo(sent.get(dm("carol")));

            // a move: the notice in each reader's language too
            f.platform().clear();
            Event original = f.bot().calendar().event("council-300").orElseThrow();
            f.bot().calendar().saveEvent(ReminderServiceTest.with(original, original.start().plus(Duration.ofDays(1)),
                    null, EventStatus.MOVED));
            f.outbox().fireDue();
            sent = byDestination(f);
            assertThat(sent.get(dm("alice"))).startsWith("Déplacé : ccNSO Council meeting 300 a désormais lieu"
                    + " lun. 11 mars 2024 18:00 UTC (au lieu de dim. 10 mars 2024 18:00 UTC) [council-300].");
            assertThat(sent.get(dm("bob"))).startsWith("Reprogramado: ccNSO Council meeting 300 pasa a ser"
                    + " lun 11 mar 2024 18:00 UTC (antes: dom 10 mar 2024 18:00 UTC) [council-300].");
            assertThat(sent.get(CHANNEL)).startsWith("Moved: ccNSO Council meeting 300 is now Mon 11 Mar 2024 18:00 UTC");
        }
    }

    @Test
    void withLanguageSpanishInTheConfigTheChannelAndMembersWhoChoseNoneGetSpanish() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().config(c -> c.withLanguage(Language.ES)).open(dir)) {
            f.say("carol", "subscribe council");
            f.say("dan", "language en");
            f.say("dan", "subscribe council");
            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            Map<Destination, String> sent = byDestination(f);
            assertThat(sent.get(CHANNEL)).startsWith("Recordatorio: ccNSO Council meeting 300 empieza en 24 horas");
            assertThat(sent.get(dm("carol"))).startsWith("Recordatorio: ");
            assertThat(sent.get(dm("dan"))).startsWith("Reminder: ccNSO Council meeting 300 starts in 24 hours");
        }
    }
}
