package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calendar file with a key twice, or with bad YAML, is refused on one line naming the file, key and line. */
class CalendarFilesStrictTest {
    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws Exception {
        Path f = dir.resolve("events.yaml");
        Files.writeString(f, yaml);
        try {
            CalendarFiles.load(List.of(f));
        } catch (CalendarException e) {
            assertThat(e.problems()).allMatch(p -> !p.contains("\n"), "one line each");
            return e.problems().stream().map(p -> p.replace(f.toString(), "events.yaml")).toList();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aKeyGivenTwiceInAnEntryIsRefusedNamingTheEntryAndLine() throws Exception {
        assertThat(problems("""
                committees:
                  - acronym: GRC
                    name: Guidelines Review Committee
                events:
                  - id: grc-1
                    title: GRC call
                    date: 2024-03-05
                    date: 2024-03-06
                    committees: [GRC]
                """)).containsExactly("events.yaml: line 8: the key 'events[0].date' is given twice; give each key once");
    }

    @Test
    void aTopLevelSectionGivenTwiceIsRefused() throws Exception {
        assertThat(problems("""
                committees:
                  - acronym: GRC
                    name: Guidelines Review Committee
                committees:
                  - acronym: IGLC
                    name: Internet Governance Liaison Committee
                """)).containsExactly("events.yaml: line 4: the key 'committees' is given twice; give each key once");
    }

    @Test
    void badYamlIsOneLineWithLineAndColumn() throws Exception {
        assertThat(problems("""
                committees:
                  - acronym: GRC
                    name: Guidelines: Review Committee
                """)).containsExactly("events.yaml: not valid YAML at line 3, column 21: mapping values are not allowed here");
    }
}
