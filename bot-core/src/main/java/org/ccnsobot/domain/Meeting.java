package org.ccnsobot.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** An ICANN public meeting (ICANN79 in San Juan): the venue's zone gives every session its local time. */
public record Meeting(String code, String name, String city, String country, String venue, ZoneId zone,
                      LocalDate firstDay, LocalDate lastDay, String host, List<Link> links) {

    public Meeting {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        links = links == null ? List.of() : List.copyOf(links);
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
