package org.ccnsobot.features.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccnsobot.domain.Event;

/**
 * Full-text retrieval over the calendar's events, kept in the database (SQLite FTS5, migration V6) and updated by
 * triggers on every write, so nothing is built at start-up. A query is a list of clauses that must all match;
 * matches come back in time order, which is what a question about "when" needs.
 */
public interface EventSearch {
    /** The searchable parts of an event. */
    enum Field {
        TITLE("title"), KIND("kind"), COMMITTEES("committees"), PLACE("place"), ABOUT("about"),
        DESCRIPTION("description");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    /** The fields a member usually means: what the event is called, its kind, committees and place. */
    Set<Field> NAMING = Set.of(Field.TITLE, Field.KIND, Field.COMMITTEES, Field.PLACE);

    /** Every field, descriptions and committee names included. */
    Set<Field> ALL = Set.of(Field.values());

    /**
     * One thing an event must contain: any of {@code terms} (folded words; a term ending in {@code *} is a
     * prefix; a term with spaces is a phrase) in any of {@code fields}.
     */
    record Clause(List<String> terms, Set<Field> fields) {
        public Clause {
            terms = List.copyOf(terms);
            fields = Set.copyOf(fields);
            if (terms.isEmpty() || fields.isEmpty()) {
                throw new IllegalArgumentException("a clause needs terms and fields");
            }
        }
    }

    /**
     * Events matching every clause that are not over at {@code now} (ongoing ones included), soonest first, at most
     * {@code limit}. Cancelled events are left out.
     */
    List<Event> ahead(List<Clause> clauses, Instant now, int limit);

    /** Events matching every clause that started before {@code before}, latest first. */
    List<Event> before(List<Clause> clauses, Instant before, int limit);

    /** Events matching every clause whose sort key lies in [from, to), earliest first. */
    List<Event> between(List<Clause> clauses, Instant from, Instant to, int limit);

    /** How many events match every clause and are ahead of {@code now}, counting at most to {@code cap}. */
    int countAhead(List<Clause> clauses, Instant now, int cap);

    /** The indexed words with how many events hold each: the vocabulary typos are read against. */
    Map<String, Integer> terms();
}
