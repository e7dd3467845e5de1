package org.ccnsobot.domain;

/** An event's state. Cancelled events stay in the calendar so members can see they were cancelled. */
public enum EventStatus {
    SCHEDULED, MOVED, CANCELLED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
