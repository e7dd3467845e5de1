/**
 * The admin listener: {@code /healthz} and {@code /metrics} (Prometheus text) on the JDK's HTTP server, for the
 * operator's monitoring. Off unless the config has an {@code admin:} section; bound to 127.0.0.1 by default.
 */
package org.ccnsobot.app.admin;
