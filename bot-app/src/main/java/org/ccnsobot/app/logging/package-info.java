/**
 * Logging set up from the config: the level ({@code logging.level}, {@code CCNSO_LOG_LEVEL}), the format (text or
 * one JSON object a line, logback's own {@code JsonEncoder}) and the masking of secret values in every line.
 */
package org.ccnsobot.app.logging;
