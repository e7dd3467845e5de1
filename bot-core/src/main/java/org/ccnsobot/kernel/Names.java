package org.ccnsobot.kernel;

import java.util.List;
import java.util.Optional;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Meeting;

/**
 * What option binding needs to know of the calendar: committees and meetings by name. The calendar feature
 * implements it, so the kernel binds COMMITTEE and MEETING options without depending on any feature.
 */
public interface Names {

    Optional<Committee> committee(String nameOrAcronym);

    /** The acronyms closest to a mistyped one. */
    List<String> closestCommittees(String typed, int limit);

    Optional<Meeting> meeting(String code);
}
