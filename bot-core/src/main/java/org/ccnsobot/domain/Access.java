package org.ccnsobot.domain;

/** Whether anyone may attend a session or only its members. */
public enum Access {
    OPEN, CLOSED;

    public String label() {
        return this == OPEN ? "open" : "closed";
    }
}
