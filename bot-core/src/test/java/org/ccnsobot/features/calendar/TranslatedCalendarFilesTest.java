package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ccnsobot.domain.Committee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committee's name and description and an event's title may be a plain text or a map of language to text; a map
 * with a language the bot does not have, a value that is not a text, or no English is refused on one line naming
 * the file, the key and the line.
 */
class TranslatedCalendarFilesTest {
    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws Exception {
        Path f = dir.resolve("committees.yaml");
        Files.writeString(f, yaml);
        try {
            CalendarFiles.load(List.of(f));
        } catch (CalendarException e) {
            assertThat(e.problems()).allMatch(p -> !p.contains("\n"), "one line each");
            return e.problems().stream().map(p -> p.replace(f.toString(), "committees.yaml")).toList();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aMapGivesTheTranslationsAndAPlainTextStaysEnglishOnly() throws Exception {
        Path f = dir.resolve("committees.yaml");
        Files.writeString(f, """
                committees:
                  - acronym: Council
                    name: {en: ccNSO Council, fr: Conseil de la ccNSO}
                    description:
                      en: The governing body.
                      es: El órgano de gobierno.
                  - acronym: GRC
                    name: Guidelines Review Committee
                events:
                  - id: council-1
                    title: {en: Council meeting, fr: Réunion du Conseil, es: Reunión del Consejo}
                    date: 2024-03-05
                    zone: UTC
                """);
        CalendarData data = CalendarFiles.load(List.of(f));
        Committee council = data.committees().get(0);
        assertThat(council.name()).isEqualTo("ccNSO Council");
        assertThat(council.name(Locale.FRENCH)).isEqualTo("Conseil de la ccNSO");
        assertThat(council.name(Locale.forLanguageTag("es"))).isEqualTo("ccNSO Council");
        assertThat(council.description(Locale.forLanguageTag("es"))).isEqualTo("El órgano de gobierno.");
        assertThat(council.description(Locale.FRENCH)).isEqualTo("The governing body.");
        assertThat(data.committees().get(1).names().hasNone()).isTrue();
        assertThat(data.events().get(0).title()).isEqualTo("Council meeting");
        assertThat(data.events().get(0).title(Locale.forLanguageTag("es"))).isEqualTo("Reunión del Consejo");
    }

    @Test
    void aLanguageTheBotDoesNotHaveIsRefusedWithItsKeyAndLine() throws Exception {
        assertThat(problems("""
                committees:
                  - acronym: Council
                    name:
                      en: ccNSO Council
                      de: ccNSO-Rat
                """)).containsExactly("committees.yaml: committees[0].name (line 5): 'de' is not a language the"
                + " bot has (known: en, fr, es, ar)");
    }

    @Test
    void aMapWithoutEnglishIsRefused() throws Exception {
        assertThat(problems("""
                events:
                  - id: council-1
                    title: {fr: Réunion du Conseil}
                    date: 2024-03-05
                    zone: UTC
                """)).containsExactly("committees.yaml: events[0].title (line 3): a map of translations needs its"
                + " English text (en: …)");
    }

    @Test
    void aTranslationThatIsNotATextIsRefused() throws Exception {
        assertThat(problems("""
                committees:
                  - acronym: Council
                    name: ccNSO Council
                    description: {en: The governing body., fr: [a, b]}
                """)).containsExactly("committees.yaml: committees[0].description (line 4): 'fr' needs a text");
    }
}
