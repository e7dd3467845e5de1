/**
 * Staff announcements: preview and confirm, scheduled posting, pings only when asked, edit and delete everywhere
 * they were posted, and the announcements listing; each post is an outbox job.
 */
package org.ccnsobot.features.announcements;
