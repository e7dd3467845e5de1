package org.ccnsobot.config;

/** A configuration problem, worded for the operator: it names the file or key and says what is wrong. */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
