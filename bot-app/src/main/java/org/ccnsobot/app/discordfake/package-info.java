/**
 * A Discord on 127.0.0.1 for {@code bench-fanout --platform discord}: enough REST and gateway for the real JDA to log
 * in and become ready, and Discord's published rate limits enforced with Discord's own headers and 429 bodies, so the
 * real adapter's DM fan-out can be timed and its 429s counted. It ships in the jar only for that benchmark; the
 * adapter's end-to-end tests use their own, fuller fake in discord-adapter's test tree.
 */
package org.ccnsobot.app.discordfake;
