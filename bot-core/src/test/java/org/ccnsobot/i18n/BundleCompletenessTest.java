package org.ccnsobot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundles shipped are complete and sound; and the check itself catches each kind of broken translation. */
class BundleCompletenessTest {

    @Test
    void theShippedBundlesAreCompleteAndEveryPatternParses() {
        assertThat(BundleCheck.problems(Messages.raw())).isEmpty();
        assertThat(Messages.raw().get(Language.EN)).hasSizeGreaterThan(80);
    }

    @Test
    void thePlainPatternsFilledInByHandGiveExactlyWhatIcuGives() {
        Messages m = Messages.get();
        Object[] args = {"Ana's 1st", "{x}", "l'ICANN", "3", "#"};
        int plain = 0;
        for (var b : Messages.raw().entrySet()) {
            for (String key : b.getValue().keySet()) {
                Messages.Entry e = m.entry(b.getKey(), key);
                if (e.plain()) {
                    assertThat(e.format(args)).as(b.getKey() + " " + key).isEqualTo(e.icu(args));
                    plain++;
                } else {
                    assertThat(e.format(new Object[] {2})).as(b.getKey() + " " + key).isEqualTo(e.icu(new Object[] {2}));
                }
            }
        }
        // all but the plural patterns skip ICU at run time
        assertThat(plain).isGreaterThan(500);
        Messages.Entry quoted = Messages.Entry.of("''{0}'' and '{literal}'", Locale.ENGLISH);
        assertThat(quoted.plain()).isFalse();
        assertThat(quoted.format(new Object[] {"x"})).isEqualTo("'x' and {literal}");
        Messages.Entry number = Messages.Entry.of("{0} more", Locale.ENGLISH);
        assertThat(number.format(new Object[] {1234})).as("a number goes through ICU").isEqualTo("1,234 more");
        assertThat(number.format(new Object[] {"1234"})).isEqualTo("1234 more");
    }

    @Test
    void aKeyMissingOrExtraInAnOfferedLanguageIsReported() {
        Map<Language, Map<String, String>> b = bundles(
                Map.of("a", "A", "b", "B {0}"),
                Map.of("a", "Ah"),                           // fr lacks b
                Map.of("a", "Á", "b", "Be {0}", "c", "C"),   // es has an extra c
                Map.of());
        assertThat(BundleCheck.problems(b)).containsExactlyInAnyOrder(
                "fr: key 'b' is missing", "es: key 'c' is not in English (extra)");
    }

    @Test
    void anArgumentATranslationLeavesOutOrInventsIsReported() {
        Map<Language, Map<String, String>> b = bundles(
                Map.of("m", "{0} starts in {1}"),
                Map.of("m", "{0} commence bientôt"),
                Map.of("m", "{0} empieza en {1} {2}"),
                Map.of());
        assertThat(BundleCheck.problems(b)).containsExactlyInAnyOrder(
                "fr: key 'm' does not use argument {1}", "es: key 'm' uses argument {2} that English does not have");
    }

    @Test
    void aPatternThatDoesNotParseIsReportedInAnyLanguageArabicIncluded() {
        Map<Language, Map<String, String>> b = bundles(
                Map.of("p", "{0, plural, one {# minute} other {# minutes}}", "q", "Q"),
                Map.of("p", "{0, plural, one {# minute} other {# minutes}", "q", "Q"),   // unclosed
                Map.of("p", "{0, plural, one {# minuto} other {# minutos}}", "q", "Q"),
                Map.of("p", "{0, plural, one {# دقيقة}}"));                            // no 'other'
        assertThat(BundleCheck.problems(b)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("fr: key 'p' does not parse"))
                .anySatisfy(p -> assertThat(p).startsWith("ar: key 'p' does not parse"));
    }

    @Test
    void arabicMayLackKeysButNotAddThem() {
        Map<Language, Map<String, String>> b = bundles(Map.of("a", "A", "b", "B"), Map.of("a", "A", "b", "B"),
                Map.of("a", "A", "b", "B"), Map.of("a", "ا", "z", "ز"));
        assertThat(BundleCheck.problems(b)).containsExactly("ar: key 'z' is not in English (extra)");
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        Messages m = Messages.get();
        assertThat(m.text(Locale.ENGLISH, "time.future", m.text(Locale.ENGLISH, "time.minutes", 1))).isEqualTo("in 1 minute");
        assertThat(m.text(Locale.ENGLISH, "time.future", m.text(Locale.ENGLISH, "time.minutes", 5))).isEqualTo("in 5 minutes");
        assertThat(m.text(Locale.FRENCH, "time.future", m.text(Locale.FRENCH, "time.minutes", 1))).isEqualTo("dans 1 minute");
        assertThat(m.text(Locale.FRENCH, "time.future", m.text(Locale.FRENCH, "time.minutes", 5))).isEqualTo("dans 5 minutes");
        Locale es = Language.ES.locale();
        assertThat(m.text(es, "time.future", m.text(es, "time.minutes", 1))).isEqualTo("en 1 minuto");
        assertThat(m.text(es, "time.future", m.text(es, "time.minutes", 5))).isEqualTo("en 5 minutos");
        // Arabic's six forms: zero, one, two, few (3-10), many (11-99), other (100)
        Locale ar = Language.AR.locale();
        assertThat(m.text(ar, "time.minutes", 1)).isEqualTo("دقيقة واحدة");
        assertThat(m.text(ar, "time.minutes", 2)).isEqualTo("دقيقتان");
        assertThat(m.text(ar, "time.minutes", 3)).isEqualTo("3 دقائق");
        assertThat(m.text(ar, "time.minutes", 11)).isEqualTo("11 دقيقة");
    }

    @Test
    void aKeyMissingInArabicFallsBackToEnglishAndAnUnknownKeyThrows() {
        Messages m = Messages.get();
        assertThat(m.text(Language.AR.locale(), "next.lead")).isEqualTo("Next up:");
        assertThat(m.text(Locale.GERMAN, "next.lead")).isEqualTo("Next up:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.text(Locale.ENGLISH, "no.such.key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.key");
    }

    @Test
    void anApostropheIsWrittenOnceAndDoubledOnlyBeforeAnArgument() {
        Messages m = Messages.get();
        assertThat(m.text(Locale.ENGLISH, "error.unknownCommand", "nxt")).isEqualTo("Unknown command 'nxt'");
        assertThat(m.text(Locale.FRENCH, "today.title", "jeu. 15 févr. 2024")).isEqualTo("Aujourd'hui, jeu. 15 févr. 2024 :");
    }

    @Test
    void theLanguagesAMemberMayChooseAndHowPlatformTagsMapToThem() {
        assertThat(Language.choices()).containsExactly(Language.EN, Language.FR, Language.ES);
        assertThat(Language.of("es-419")).contains(Language.ES);
        assertThat(Language.of("es_ES")).contains(Language.ES);
        assertThat(Language.of("fr-CA")).contains(Language.FR);
        assertThat(Language.of("de")).isEmpty();
        assertThat(Language.choice("ar")).isEmpty();
    }

    private static Map<Language, Map<String, String>> bundles(Map<String, String> en, Map<String, String> fr,
                                                              Map<String, String> es, Map<String, String> ar) {
        Map<Language, Map<String, String>> b = new EnumMap<>(Language.class);
        b.put(Language.EN, en);
        b.put(Language.FR, fr);
        b.put(Language.ES, es);
        b.put(Language.AR, ar);
        return b;
    }
}
