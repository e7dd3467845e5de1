package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 1: the staff alerts about failed deliveries (the one at once and the grouped summary) are worded in
 * the staff channel's own language ({@code staffChannel: {id: staff, language: fr}}); the platform's error stays as
 * it came.
 */
class LocalizedStaffAlertsTest {
    static final Destination STAFF = DeliveryFailureTest.STAFF;

    @TempDir
    Path dir;

    /** Three members' DMs closed; the 24h reminders fail for good; returns the alert at once and the summary. */
    private List<Attempt> alertsWithStaffChannelIn(String lang) throws Exception {
        ObjectNode chat = new ObjectMapper().createObjectNode();
        chat.putObject("staffChannel").put("id", "staff").put("language", lang);
        try (BotFixture f = BotFixture.remindersWorld().config(c -> c.withPlatforms(Map.of("chat", chat)))
                .open(dir.resolve(lang))) {
            f.platform().behaviour((a, d) -> a.destination() instanceof Destination.DirectMessage
                    ? RecordingPlatform.failure("cannot send messages to this user", false) : d.deliver());
            for (int i = 0; i < 3; i++) {
                f.say("member" + i, "subscribe council-300");
            }
            f.start(false);
            f.clock().set(DeliveryFailureTest.DUE);
            f.outbox().fireDue();
            f.outbox().fireDue();
            f.clock().advance(Duration.ofMinutes(10));
            f.outbox().fireDue();
            List<Attempt> alerts = f.platform().deliveredTo(STAFF);
            assertThat(alerts).hasSize(2);
            return alerts;
        }
    }

    @Test
    void aFrenchStaffChannelGetsTheAlertAndTheSummaryInFrench() throws Exception {
        List<Attempt> alerts = alertsWithStaffChannelIn("fr");
        assertThat(alerts.get(0).text()).startsWith("Le rappel 24h de ")
                .contains(" vers les messages privés de member",
                        " sur chat n'a pas pu être remis après 1 tentative : "
                        + "PlatformException: ",
                        "cannot send messages to this user")
                .doesNotContain("could not be delivered", "attempt");
        assertThat(alerts.get(1).text()).startsWith("2 autres envois « reminder » en message privé sur chat ont "
                        + "définitivement échoué dans les 10 minutes précédant ")
                .contains("Premiers motifs : PlatformException: cannot send messages to this user (2). "
                        + "Premiers concernés : Le rappel 24h de ")
                .doesNotContain("failed for good", "First ones", " to the DMs");
    }

    @Test
    void aSpanishStaffChannelGetsTheAlertAndTheSummaryInSpanish() throws Exception {
        List<Attempt> alerts = alertsWithStaffChannelIn("es");
        assertThat(alerts.get(0).text()).startsWith("El recordatorio 24h de ")
                .contains(" para los mensajes directos de member", " en chat no se pudo entregar tras 1 intento: "
                        + "PlatformException: ",
                        "cannot send messages to this user")
                .doesNotContain("could not be delivered", "attempt");
        assertThat(alerts.get(1).text())
                .startsWith("Otros 2 envíos «reminder» por mensaje directo en chat han fallado "
                        + "definitivamente en los 10 minutos anteriores a ")
                .contains("Primeros motivos: PlatformException: cannot send messages to this user (2). "
                        + "Primeros afectados: "
                        + "El recordatorio 24h de ")
                .doesNotContain("failed for good", "First ones", " to the DMs");
    }

    @Test
    void anEnglishStaffChannelKeepsTheEnglishWords() throws Exception {
        List<Attempt> alerts = alertsWithStaffChannelIn("en");
        assertThat(alerts.get(0).text()).startsWith("The 24h reminder of ")
                .contains(" to the DMs of member", " on chat could not be delivered after 1 attempt(s): "
                        + "PlatformException: cannot send messages to this user");
        assertThat(alerts.get(1).text()).startsWith("2 more reminder deliveries to DMs on chat failed for good in the"
                + " 10 minutes before ").contains(". First reasons: PlatformException: cannot send messages to this"
                + " user (2). First ones: The 24h reminder of ").endsWith(".");
    }
}
