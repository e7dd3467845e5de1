package org.ccnsobot.features.calendar;

import java.util.List;

/** A calendar that cannot be loaded; each problem names the file, the entry and the reason. */
public class CalendarException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CalendarException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the calendar:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
