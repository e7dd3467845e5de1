package org.ccnsobot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replies moved to the bundles in the second pass of issue 14, in French and Spanish, through the real bot on a
 * real SQLite file (the seed calendar, 1 March 2024): option-binding errors, plain-words answers, subscriptions,
 * staff confirmations. Each member's language comes from their platform's locale (they chose none).
 */
class LocalizedRepliesTest {
    @TempDir
    Path dir;

    /** A member of their own (the rate limit counts per member) whose client is in {@code tag}. */
    private static String say(Bot bot, String tag, String text) {
        Actor who = new Actor("test", "member-" + tag, "Member", Set.of());
        return bot.handle(Invocation.text(who, new Place("test", "dm-" + tag, true), text, bot.clock().instant())
                .withLocale(Locale.forLanguageTag(tag))).text();
    }

    private static String staff(Bot bot, String tag, String text) {
        return bot.handle(Invocation.text(BotFixture.STAFF, BotFixture.CONSOLE, text, bot.clock().instant())
                .withLocale(Locale.forLanguageTag(tag))).text();
    }

    @Test
    void optionMistakesAreToldInTheMembersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            assertThat(say(f.bot(), "en", "event")).isEqualTo("'event' needs an id; usage: event <id>");
            assertThat(say(f.bot(), "fr", "event")).isEqualTo("« event » a besoin d'une valeur pour « id » ; usage : event <id>");
            assertThat(say(f.bot(), "es", "event")).isEqualTo("«event» necesita un valor para «id»; uso: event <id>");
            assertThat(say(f.bot(), "fr", "today --foo")).isEqualTo("« today » n'a pas d'option --foo ; usage : today");
            assertThat(say(f.bot(), "es", "event a b")).isEqualTo("«event» no admite nada más; uso: event <id>");
            assertThat(say(f.bot(), "fr", "timezone Mars/Olympus")).isEqualTo("« Mars/Olympus » n'est pas un fuseau"
                    + " horaire IANA ; utilisez un nom comme Europe/Brussels, America/Puerto_Rico ou UTC");
            assertThat(say(f.bot(), "es", "timezone Europe/Brusels")).isEqualTo("«Europe/Brusels» no es una zona"
                    + " horaria IANA; ¿quisiste decir Europe/Brussels?");
            // a typed (Discord-style) option, bound by name
            Actor typed = new Actor("test", "typed-fr", "Member", Set.of());
            assertThat(f.bot().handle(Invocation.command(typed, new Place("test", "dm-typed", true), "committee",
                    java.util.Map.of("name", "zzz"), f.bot().clock().instant()).withLocale(Locale.FRENCH)).text())
                    .startsWith("Aucun comité ne s'appelle « zzz »");
        }
    }

    @Test
    void subscriptionRepliesAreInTheMembersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            assertThat(say(f.bot(), "fr", "subscribe council")).isEqualTo("Vous recevrez par message privé les rappels"
                    + " pour le comité Council. Pour arrêter : unsubscribe Council, ou unsubscribe everything.");
            assertThat(say(f.bot(), "fr", "subscribe council")).isEqualTo("Vous recevez déjà les rappels pour le comité"
                    + " Council. (Pour arrêter : unsubscribe Council)");
            assertThat(say(f.bot(), "fr", "subscriptions")).startsWith("Vous recevez par message privé les rappels"
                    + " pour : le comité Council.");
            assertThat(say(f.bot(), "fr", "unsubscribe grc")).isEqualTo("Vous n'aviez pas d'abonnement pour le comité"
                    + " GRC ; vos abonnements : le comité Council.");
            assertThat(say(f.bot(), "fr", "unsubscribe everything")).isEqualTo("Votre abonnement est supprimé ; vous"
                    + " ne recevrez plus aucun rappel par message privé.");
            assertThat(say(f.bot(), "es", "subscribe all")).isEqualTo("Recibirás por mensaje directo recordatorios"
                    + " sobre todos los eventos. Para dejar de recibirlos: unsubscribe all, o unsubscribe everything.");
            assertThat(say(f.bot(), "es", "subscribe grc")).startsWith("Recibirás por mensaje directo recordatorios"
                    + " sobre el comité GRC.");
            assertThat(say(f.bot(), "es", "unsubscribe everything")).isEqualTo("Se han eliminado tus 2 suscripciones;"
                    + " ya no recibirás recordatorios por mensaje directo.");
            assertThat(say(f.bot(), "es", "subscribe nonsense")).startsWith("Ningún comité ni evento se llama «nonsense»");
        }
    }

    @Test
    void plainWordsAnswersAreInTheMembersLanguageAndTheirLanguageReadsWhatTheWordsLeaveOpen() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            assertThat(say(f.bot(), "fr", "when is icann81")).isEqualTo("ICANN81 ne figure pas au calendrier. Il contient"
                    + " ICANN79 (San Juan, du sam. 2 mars 2024 au jeu. 7 mars 2024). Le calendrier contient des événements"
                    + " du mer. 14 févr. 2024 au jeu. 7 mars 2024.");
            assertThat(say(f.bot(), "es", "where is icann79")).isEqualTo("ICANN79 Community Forum: Puerto Rico Convention"
                    + " Center, San Juan, Puerto Rico, del sáb 2 mar 2024 al jue 7 mar 2024.");
            assertThat(say(f.bot(), "fr", "qu'y a-t-il le 5 mars ?")).startsWith("Programme du mar. 5 mars 2024 :\n"
                    + "• mar. 5 mars 2024 (heure pas encore annoncée) · San Juan — Members Meeting day 1: ccPDP4");
            assertThat(say(f.bot(), "fr", "qu'y a-t-il le 2 mars ?")).startsWith("Programme du sam. 2 mars 2024 :\n"
                    + "• sam. 2 mars 2024 13:00 UTC à 14:00 UTC · 09:00 AST, San Juan — GRC workshop 1 of 2");
            assertThat(say(f.bot(), "es", "¿hay algo el 20 de marzo?")).startsWith("No hay nada en el calendario el mié"
                    + " 20 mar 2024.\nEl último antes de esa fecha: jue 7 mar 2024");
            assertThat(say(f.bot(), "fr", "council 209")).startsWith("La réunion 209 du Council ne figure pas au calendrier ;"
                    + " le plus proche :").contains("\nAutres résultats :\n").endsWith("…et 1 de plus — demandez"
                    + " `schedule Council`");
            assertThat(say(f.bot(), "es", "zzzz qqq")).isEqualTo("Nada en el calendario coincide con «zzzz qqq». El"
                    + " calendario tiene eventos del mié 14 feb 2024 al jue 7 mar 2024.");
            // "reunion grc" has no English, French or Spanish marker: read as English, "reunion" is a word to look
            // for; a Spanish member's language reads it as "meeting"
            assertThat(say(f.bot(), "en", "reunion grc")).startsWith("Nothing in the calendar matches 'reunion");
            assertThat(say(f.bot(), "es", "reunion grc")).doesNotContain("coincide con «reunion").contains("GRC");
        }
    }

    /** i18n14c: the reader's own words (the span it names, a date it cannot take) and generic nouns, moved. */
    @Test
    void theReadersSpanNamesImpossibleDatesAndGenericNounsAreInTheMembersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            // English exactly as the reader words it
            assertThat(say(f.bot(), "en", "what's on tomorrow")).startsWith("Schedule for tomorrow, Sat 2 Mar 2024:");
            assertThat(say(f.bot(), "en", "what is on 31 february")).isEqualTo("31 February is not a date.");
            assertThat(say(f.bot(), "en", "council 209")).startsWith("Council meeting 209 is not in the calendar;");
            // span names
            assertThat(say(f.bot(), "fr", "qu'y a-t-il demain ?")).startsWith("Programme du sam. 2 mars 2024 (demain) :");
            assertThat(say(f.bot(), "es", "que hay hoy")).contains("No hay nada en el calendario el vie 1 mar 2024 (hoy).");
            assertThat(say(f.bot(), "fr", "qu'y a-t-il le jour 2 de l'icann79")).startsWith("Programme ICANN79, du jour 2"
                    + " de l'ICANN79, dim. 3 mars 2024 :");
            assertThat(say(f.bot(), "es", "que hay el dia 2 de icann79")).startsWith("Programa ICANN79, del día 2 de"
                    + " ICANN79, dom 3 mar 2024:");
            assertThat(say(f.bot(), "fr", "premier jour de l'icann79")).contains("premier jour de l'ICANN79, sam. 2 mars 2024");
            assertThat(say(f.bot(), "es", "que hay el domingo en icann79")).startsWith("Programa ICANN79, del dom 3 mar"
                    + " 2024 en ICANN79:");
            assertThat(say(f.bot(), "fr", "ce week-end")).startsWith("Le week-end du sam. 2 mars 2024 :");
            assertThat(say(f.bot(), "es", "este fin de semana")).startsWith("El fin de semana del sáb 2 mar 2024:");
            // dates the reader cannot take
            assertThat(say(f.bot(), "fr", "qu'y a-t-il le 31 février")).isEqualTo("Le 31 février n'existe pas.");
            assertThat(say(f.bot(), "es", "que hay el 31 de febrero")).isEqualTo("El 31 de febrero no existe.");
            assertThat(say(f.bot(), "fr", "qu'y a-t-il le 31 février 2025")).isEqualTo("Le 31 février 2025 n'existe pas.");
            assertThat(say(f.bot(), "es", "que hay el 2024-02-30")).isEqualTo("«2024-02-30» no es una fecha.");
            assertThat(say(f.bot(), "fr", "du 5 mars au 2 mars")).isEqualTo("Cette période se termine avant de commencer.");
            assertThat(say(f.bot(), "es", "del 5 al 2 de marzo")).isEqualTo("Ese intervalo termina antes de empezar.");
            assertThat(say(f.bot(), "fr", "qu'y a-t-il le jour 9 de l'icann79")).isEqualTo("L'ICANN79 dure 6 jours.");
            assertThat(say(f.bot(), "es", "que hay el dia 9 de icann79")).isEqualTo("ICANN79 dura 6 días.");
            // a generic noun inside a sentence comes from the bundle, in the language's order
            assertThat(say(f.bot(), "es", "council 209")).startsWith("La reunión 209 del Council no está en el calendario;");
            assertThat(say(f.bot(), "fr", "réunion 209 du conseil")).startsWith("La réunion 209 du Council ne figure pas");
            assertThat(say(f.bot(), "fr", "séances du grc en avril")).startsWith("Séances GRC, en avril 2024 :");
            assertThat(say(f.bot(), "es", "sesiones del grc en marzo")).startsWith("Sesiones GRC, en marzo de 2024:");
        }
    }

    @Test
    void staffConfirmationsAreInTheStaffersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            assertThat(staff(f.bot(), "fr", "event add \"Dîner\" --date 2024-03-05 --start 23:00 --end 01:00"
                    + " --end-date 2024-03-06 --meeting ICANN79 --room Patio")).isEqualTo(
                    "Ajouté : mer. 6 mars 2024 03:00 UTC à 05:00 UTC · 23:00 AST, San Juan — Dîner [d-ner-20240305]\n"
                            + "Salle : Patio\nSe termine le lendemain, mer. 6 mars 2024 à 01:00 AST.");
            assertThat(staff(f.bot(), "fr", "event add \"Petit-déjeuner\" --date 2024-03-05 --start 23:30"
                    + " --meeting ICANN79 --room patio")).isEqualTo("Refusé : la salle patio est déjà réservée à ce"
                    + " moment-là pour « Dîner » [d-ner-20240305], de 23:00 AST à 01:00 AST ; choisissez une autre salle"
                    + " ou un autre horaire, ou ajoutez --force. Rien n'a été modifié.");
            assertThat(staff(f.bot(), "es", "event add \"Viejo\" --date 2024-02-20")).endsWith(
                    "\nAtención: la fecha ya ha pasado.");
            assertThat(staff(f.bot(), "fr", "event add \"Hors\" --date 2024-03-09 --meeting ICANN79")).isEqualTo(
                    "Refusé : le 2024-03-09 est en dehors de ICANN79 (du 2024-03-02 au 2024-03-07) ; corrigez la date,"
                            + " retirez --meeting ou ajoutez --force. Rien n'a été modifié.");
            assertThat(staff(f.bot(), "es", "event move d-ner-20240305 --date 2024-03-06")).startsWith(
                    "Movido: jue 7 mar 2024 03:00 UTC a 05:00 UTC · 23:00 AST, San Juan — Dîner [d-ner-20240305]\n"
                            + "Sala: Patio\nTermina al día siguiente, jue 7 mar 2024 a las 01:00 AST.");
            assertThat(staff(f.bot(), "fr", "event edit d-ner-20240305")).startsWith("Rien à changer : donnez --title");
            assertThat(staff(f.bot(), "es", "event cancel d-ner-20240305")).startsWith("Cancelado (sigue en el"
                    + " calendario, marcado como cancelado): jue 7 mar 2024");
            assertThat(staff(f.bot(), "fr", "event cancel d-ner-20240305")).isEqualTo("d-ner-20240305 est déjà annulé.");
            assertThat(staff(f.bot(), "fr", "event move d-ner-20240305 --date 2024-03-06")).isEqualTo("Refusé :"
                    + " d-ner-20240305 est annulé ; ajoutez-le de nouveau plutôt. Rien n'a été modifié.");
            assertThat(staff(f.bot(), "fr", "update GRC La consultation est ouverte.")).isEqualTo("Publié pour GRC"
                    + " (ven. 1 mars 2024) : La consultation est ouverte.");
            assertThat(say(f.bot(), "es", "committees")).startsWith("Comités y grupos de trabajo de la ccNSO:\n")
                    .endsWith("\nPara uno de ellos, pide «committee <sigla>».");
            assertThat(staff(f.bot(), "es", "event add \"Dîner\" --date 2024-03-05")).endsWith("Atención: ya hay un"
                    + " evento [d-ner-20240305] con este título ese día; este es [d-ner-20240305-2] (para quitarlo:"
                    + " event cancel d-ner-20240305-2).");
        }
    }

    /** i18n14d: the reader's lines about single events are worded in the staffer's language too. */
    @Test
    void anImportsReportIsInTheStaffersLanguageAndSoAreTheReadersLines() {
        org.ccnsobot.features.ical.ImportReport r = new org.ccnsobot.features.ical.ImportReport("all.ics", true,
                java.util.List.of("Tech Day"), java.util.List.of(), java.util.List.of("a", "b"), java.util.List.of(),
                java.util.List.of(), java.util.List.of(Phrase.of("ics.atLine", "4", Phrase.of("ics.noSummary"))));
        assertThat(r.describe(10, Locale.FRENCH)).isEqualTo("Essai sur all.ics (rien n'a été modifié) : à ajouter 1,"
                + " à mettre à jour 0, inchangés 2, à annuler 0.\nAjoutés : Tech Day\nAvertissements :\n  ligne 4 : un"
                + " événement n'a pas de SUMMARY ; il s'appelle « Untitled event »");
        assertThat(r.describe(10, Locale.forLanguageTag("es"))).startsWith("Prueba de all.ics (no se ha cambiado nada):"
                + " por añadir 1, por actualizar 0, sin cambios 2, por cancelar 0.\nAñadidos: Tech Day")
                .endsWith("\n  línea 4: un evento no tiene SUMMARY; se llama «Untitled event»");
        assertThat(r.describe(10)).isEqualTo("Dry run of all.ics (nothing was changed): 1 would be added, 0 would be"
                + " updated, 2 unchanged, 0 would be cancelled.\nAdded: Tech Day\nWarnings:\n  line 4: an event has no"
                + " SUMMARY; it is called 'Untitled event'");
    }

    /** The ics command's own lines (save as, the feed addresses) and its unknown-id refusal, in French and Spanish. */
    @Test
    void theIcsReplyIsInTheMembersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).config(c -> c.withFeeds(
                new org.ccnsobot.config.FeedsConfig("127.0.0.1", 8088, "https://cal.example.org"))).open(dir)) {
            String id = "icann79-grc-workshop-1";
            assertThat(say(f.bot(), "en", "ics " + id)).startsWith("Save this as " + id + ".ics and open it with your"
                    + " calendar:\nOr open https://cal.example.org/events/" + id + ".ics\nSubscribe to all of ICANN79:"
                    + " https://cal.example.org/meetings/ICANN79.ics\n```\nBEGIN:VCALENDAR");
            assertThat(say(f.bot(), "fr", "ics " + id)).startsWith("Enregistrez ceci sous " + id + ".ics et ouvrez-le"
                    + " avec votre agenda :\nOu ouvrez https://cal.example.org/events/" + id + ".ics\nAbonnez-vous à tout"
                    + " ICANN79 : https://cal.example.org/meetings/ICANN79.ics\n```\nBEGIN:VCALENDAR");
            assertThat(say(f.bot(), "es", "ics " + id)).startsWith("Guarde esto como " + id + ".ics y ábralo con su"
                    + " calendario:\nO abra https://cal.example.org/events/" + id + ".ics\nSuscríbase a todo ICANN79:");
            assertThat(say(f.bot(), "es", "ics nope")).isEqualTo("No hay ningún evento con el id «nope»; los ids"
                    + " aparecen entre corchetes en next, week y schedule.");
            assertThat(say(f.bot(), "fr", "ics nope")).startsWith("Aucun événement n'a l'identifiant « nope »");
        }
    }

    /** i18n14f: the input guard refuses text no person types in the member's language (English: PipelineStepsTest). */
    @Test
    void tooLongInputAndControlCharactersAreRefusedInTheMembersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            String tooLong = "x".repeat(2001);
            assertThat(say(f.bot(), "fr", tooLong)).isEqualTo("C'est trop long (2001 caractères ; la limite est de 2000).");
            assertThat(say(f.bot(), "es", tooLong)).isEqualTo("Es demasiado largo (2001 caracteres; el límite es 2000).");
            assertThat(say(f.bot(), "fr", "next\u0007")).isEqualTo("Ce message contient des caractères de contrôle"
                    + " (à la position 5) ; envoyez du texte brut, s'il vous plaît.");
            assertThat(say(f.bot(), "es", "when \u202egrc")).isEqualTo("Contiene caracteres de control (en la posición"
                    + " 6); envía solo texto, por favor.");
        }
    }

    /** i18n14f: event add/move refusals (EventAdminCommands, EventRules) and audit in the staffer's language. */
    @Test
    void staffRefusalsOfEventWritesAreInTheStaffersLanguage() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            Bot bot = f.bot();
            assertThat(staff(bot, "fr", "event add \"\" --date 2024-03-05")).isEqualTo("Le titre est vide ; usage :"
                    + " event add \"Titre\" --date 2024-03-05 ...");
            assertThat(staff(bot, "es", "event add \"\" --date 2024-03-05")).isEqualTo("El título está vacío; uso:"
                    + " event add \"Título\" --date 2024-03-05 ...");
            assertThat(staff(bot, "fr", "event add Cena --date 2024-03-05 --start 10:00 --meeting ICANN79 --id cena"))
                    .startsWith("Ajouté : ");
            // the weekday is read in English; the reply names the days in the staffer's language
            assertThat(staff(bot, "fr", "event move cena --date 2024-03-06 --weekday thursday")).isEqualTo("Refusé :"
                    + " le 2024-03-06 est un mercredi, pas un jeudi ; vérifiez la date ou le jour de la semaine."
                    + " Rien n'a été modifié.");
            assertThat(staff(bot, "es", "event move cena --date 2024-03-06 --weekday thursday")).isEqualTo("Rechazado:"
                    + " el 2024-03-06 es miércoles, no jueves; revisa la fecha o el día de la semana. No se ha cambiado"
                    + " nada.");
            assertThat(staff(bot, "fr", "event move cena --start 11:00 --weekday thursday")).isEqualTo("Refusé :"
                    + " le 2024-03-05 n'est pas un « thursday ». Rien n'a été modifié.");
            assertThat(staff(bot, "es", "event move cena --start 11:00 --weekday thursday")).isEqualTo("Rechazado:"
                    + " el 2024-03-05 no es «thursday». No se ha cambiado nada.");
            String backwards = "event add x --date 2024-03-05 --start 12:00 --end 11:00 --meeting ICANN79";
            assertThat(staff(bot, "fr", backwards)).isEqualTo("Refusé : il se terminerait (11:00) avant de commencer"
                    + " (12:00) ; pour une séance qui dépasse minuit, ajoutez-la le jour où elle commence et vérifiez la"
                    + " fin. Rien n'a été modifié.");
            assertThat(staff(bot, "es", backwards)).isEqualTo("Rechazado: terminaría (11:00) antes de empezar (12:00);"
                    + " para una sesión que pasa de medianoche, añádela el día en que empieza y revisa la hora de fin."
                    + " No se ha cambiado nada.");
            assertThat(staff(bot, "fr", "event add X --date 2024-03-05 --committees NOPE")).isEqualTo("Aucun comité ne"
                    + " s'appelle « NOPE » ; vouliez-vous dire SOPC ? Rien n'a été modifié.");
            assertThat(staff(bot, "es", "event add X --date 2024-03-05 --committees zzzzzz")).isEqualTo("Ningún comité"
                    + " se llama «zzzzzz»; el comando committees los enumera. No se ha cambiado nada.");
            assertThat(staff(bot, "es", "event add x --date 2024-03-10 --start 02:30 --zone America/New_York"))
                    .isEqualTo("Rechazado: la hora de inicio 02:30 no existe el 2024-03-10 en America/New_York (cambio"
                            + " de hora). No se ha cambiado nada.");
            assertThat(staff(bot, "fr", "event add x --date 2024-03-05 --end 11:00")).isEqualTo("--end demande aussi"
                    + " --start.");
            assertThat(staff(bot, "fr", "audit --limit 0")).isEqualTo("--limit doit être compris entre 1 et 500.");
            assertThat(staff(bot, "fr", "audit")).startsWith("Journal depuis le ven. 23 févr. 2024 (14 entrées) :\n"
                    + "• ven. 1 mars 2024 12:00 UTC — console:console — event-add — failed: Le titre est vide")
                    .endsWith("\nTout le journal en CSV : ccnso-bot audit --export FICHIER");
            assertThat(staff(bot, "es", "audit --since 2030-01-01")).isEqualTo("No hay entradas en el registro desde el"
                    + " mar 1 ene 2030.");
            assertThat(staff(bot, "es", "audit --limit 1")).startsWith("Registro desde el vie 23 feb 2024 (16 entradas,"
                    + " se muestra la última):\n• vie 1 mar 2024 12:00 UTC");
        }
    }
}
