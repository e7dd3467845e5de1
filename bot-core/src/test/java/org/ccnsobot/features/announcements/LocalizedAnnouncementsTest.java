package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 1 (i18n14c): the announcements' frame (preview and its buttons, confirmation, cancel, edit,
 * the list, the refusals) in the staffer's language, here their platform's; the announcement's own text as written.
 * The real bot on a real SQLite file with its outbox running.
 */
class LocalizedAnnouncementsTest {
    @TempDir
    Path dir;

    private static Reply as(BotFixture f, String user, String tag, String text) {
        return f.bot().handle(Invocation.text(new Actor("disc", user, user, Set.of()),
                new Place("disc", "channel-1", false), text, f.clock().instant()).withLocale(Locale.forLanguageTag(tag)));
    }

    @Test
    void theFrameOfAnAnnouncementIsInTheStaffersLanguage() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            Reply preview = as(f, "staffer", "fr", "announce Les inscriptions ferment vendredi");
            String text = preview.text();
            assertThat(text).startsWith("Aperçu de l'annonce A1 — publiée dès votre confirmation, vers ")
                    .contains("; ne notifie personne :\n---\nLes inscriptions ferment vendredi\n---")
                    .endsWith("\nLa publier : announce confirm A1 · l'abandonner : announce cancel A1");
            assertThat(preview.message().blocks()).filteredOn(b -> b instanceof Block.Actions).singleElement()
                    .satisfies(b -> assertThat(((Block.Actions) b).actions()).extracting(Block.Action::label)
                            .containsExactly("Confirmer", "Modifier", "Annuler"));
            assertThat(as(f, "staffer", "fr", "announce confirm").text()).isEqualTo("announce confirm a besoin de"
                    + " l'identifiant de l'annonce, par exemple announce confirm A3 ; rien n'a été modifié. Votre"
                    + " brouillon : A1 (announce confirm A1).");
            assertThat(as(f, "staffer", "fr", "announce confirm A1").text()).startsWith("L'annonce A1 est en cours de"
                    + " publication vers ");
            // nothing fired yet (the outbox is not moved on): cancelled before posting, with its two deliveries
            assertThat(as(f, "staffer", "fr", "announce cancel A1").text()).isEqualTo("Annonce A1 annulée avant sa"
                    + " publication (2 envois abandonnés).");
            assertThat(as(f, "staffer", "fr", "announce cancel A1").text()).isEqualTo("L'annonce A1 est déjà annulée.");

            Reply es = as(f, "staffer", "es", "announce Abierto el registro");
            assertThat(es.text()).startsWith("Vista previa del anuncio A2: se publica en cuanto lo confirmes, en ")
                    .endsWith("\nPublicarlo: announce confirm A2 · descartarlo: announce cancel A2");
            assertThat(es.message().blocks()).filteredOn(b -> b instanceof Block.Actions).singleElement()
                    .satisfies(b -> assertThat(((Block.Actions) b).actions()).extracting(Block.Action::label)
                            .containsExactly("Confirmar", "Editar", "Cancelar"));
            assertThat(as(f, "staffer", "es", "announce edit A2 Registro abierto hasta el viernes").text())
                    .isEqualTo("El borrador A2 dice ahora:\n---\nRegistro abierto hasta el viernes\n---\nPublicarlo:"
                            + " announce confirm A2");
            assertThat(as(f, "staffer", "es", "announce cancel A2").text()).isEqualTo("Borrador A2 descartado; no se"
                    + " ha publicado nada.");
            assertThat(as(f, "staffer", "es", "announce cancel A99").text()).isEqualTo("No hay ningún anuncio A99;"
                    + " mira announcements.");
            assertThat(as(f, "staffer", "es", "announce hola --at 2020-01-01T00:00Z").text())
                    .startsWith("--at: el ").endsWith(" ya ha pasado; quita --at para publicar ahora.");
            String list = as(f, "staffer", "es", "announcements").text();
            assertThat(list).startsWith("Anuncios (los más recientes primero):\nA2 · cancelado · ")
                    .contains(" · de staffer · «Registro abierto hasta el viernes»");
            assertThat(as(f, "staffer", "fr", "announcements").text()).startsWith("Annonces (les plus récentes"
                    + " d'abord) :\nA2 · annulée · ");
            // English stays as it was
            assertThat(as(f, "staffer", "en", "announce cancel A99").text()).isEqualTo("There is no announcement A99;"
                    + " see announcements.");
        }
    }
}
