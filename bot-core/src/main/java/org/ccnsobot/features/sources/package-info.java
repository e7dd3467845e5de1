/**
 * Sources: the calendars (Sched exports, public Google or Outlook calendars, files) the bot keeps itself current
 * with. {@link org.ccnsobot.features.sources.SourceWatcher} looks at each on the bot's clock, as an outbox
 * {@link org.ccnsobot.outbox.JobSource} so only the sending process looks, with conditional requests, a timeout and
 * a size limit; it backs off on failure and tells staff (through the outbox) after three failures in a row and on
 * recovery. Staff see and drive it with {@code sources} and {@code sync}.
 */
package org.ccnsobot.features.sources;
