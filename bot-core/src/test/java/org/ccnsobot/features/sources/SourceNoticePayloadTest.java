package org.ccnsobot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.ccnsobot.i18n.Phrase;
import org.junit.jupiter.api.Test;

/**
 * i18n14d: a staff notice waits in the outbox as JSON and is worded when it is sent, so its payload keeps the phrase
 * (with the reason nested in it) and reads back to the same words in any language; a note queued by an older
 * version, which kept only its English text, is still sent as written.
 */
class SourceNoticePayloadTest {
    private final SourceNotice kind = new SourceNotice();

    @Test
    void aQueuedNoticeKeepsItsPhraseAsDataAndIsWordedWhenSent() {
        Phrase note = Phrase.of("src.notice.failing", "icann79", 3, Phrase.of("src.why.status", "404"),
                "2024-03-01 14:00 UTC");
        String json = kind.payload().write(new SourceNotice.Note(null, note));
        assertThat(json).contains("src.notice.failing", "src.why.status").doesNotContain("answered");

        SourceNotice.Note back = kind.payload().read(json);
        assertThat(back.in(Locale.FRENCH)).isEqualTo("La source icann79 a échoué 3 fois d'affilée ; le calendrier"
                + " garde ce qu'il avait. Dernier échec : a répondu HTTP 404. Prochaine consultation 2024-03-01 14:00 UTC.");
        assertThat(back.in(Locale.forLanguageTag("es"))).startsWith("La fuente icann79 ha fallado 3 veces seguidas;")
                .contains("Último error: respondió HTTP 404.");
        assertThat(back.in(Locale.ENGLISH)).isEqualTo(note.english()).startsWith("Source icann79 has failed 3 times");
    }

    @Test
    void aNoteFromAnOlderVersionIsSentAsWritten() {
        SourceNotice.Note old = kind.payload().read("{\"text\":\"Source icann79 has failed 3 times in a row\"}");
        assertThat(old.in(Locale.FRENCH)).isEqualTo("Source icann79 has failed 3 times in a row");
    }
}
