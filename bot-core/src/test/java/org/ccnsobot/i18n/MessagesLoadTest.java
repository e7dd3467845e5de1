package org.ccnsobot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A start reads only the English bundle (every key's fallback); another language is read on its first use. */
class MessagesLoadTest {
    @Test
    void onlyEnglishIsReadUntilAnotherLanguageIsAskedFor() {
        Messages m = Messages.load();
        assertThat(m.read()).containsExactly(Language.EN);
        String key = Messages.raw().get(Language.EN).keySet().iterator().next();
        m.text(Locale.ENGLISH, key);
        assertThat(m.read()).containsExactly(Language.EN);
        m.text(Locale.FRENCH, key);
        assertThat(m.read()).containsExactlyInAnyOrder(Language.EN, Language.FR);
        assertThat(m.entry(Language.ES, key)).isNotNull();
        assertThat(m.read()).containsExactlyInAnyOrder(Language.EN, Language.FR, Language.ES);
    }
}
