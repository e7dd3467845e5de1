package org.ccnsobot.domain;

/** An event's state. Cancelled events stay in the calendar so members can see they were cancelled. */
public enum EventStatus {
    SCHEDULED, MOVED, CANCELLED;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
        return label;
    }
}
