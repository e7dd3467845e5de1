/**
 * The composition root: the command line, config loading, the console adapter and starting the platforms found
 * by {@link java.util.ServiceLoader}.
 */
package org.ccnsobot.app;
